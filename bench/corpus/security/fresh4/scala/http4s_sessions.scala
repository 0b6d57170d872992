package com.acme.auth

import java.security.SecureRandom
import java.util.Base64

import scala.util.Random

import cats.effect.IO
import cats.syntax.all._
import io.circe.Json
import io.circe.generic.auto._
import org.http4s._
import org.http4s.circe.CirceEntityCodec._
import org.http4s.dsl.io._
import org.http4s.headers.Authorization
import org.typelevel.log4cats.Logger
import pdi.jwt.{JwtAlgorithm, JwtCirce, JwtOptions}

final case class LoginForm(username: String, password: String)
final case class Session(id: String, userId: Long)
final case class Profile(userId: Long, email: String, plan: String)

trait UserStore[F[_]] {
  def verify(username: String, password: String): F[Option[Long]]
  def saveSession(session: Session): F[Unit]
  def profile(userId: Long): F[Option[Profile]]
  def saveInvite(code: String, invitedBy: String): F[Unit]
}

final class SessionRoutes(users: UserStore[IO], jwtKey: String, logger: Logger[IO]) {
  private val secureRandom = new SecureRandom()

  private def newSessionId(): String = {
    val buf = new Array[Byte](32)
    secureRandom.nextBytes(buf) // safe: CWE-330
    Base64.getUrlEncoder.withoutPadding.encodeToString(buf)
  }

  private def newInviteCode(): String =
    Random.alphanumeric.take(12).mkString.toUpperCase // vuln: CWE-330

  private def bearer(req: Request[IO]): Option[String] =
    req.headers.get[Authorization].collect {
      case Authorization(Credentials.Token(AuthScheme.Bearer, token)) => token
    }

  private def clientAddr(req: Request[IO]): String =
    req.remoteAddr.fold("unknown")(_.toString)

  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case req @ POST -> Root / "login" =>
      req.as[LoginForm].flatMap { form =>
        users.verify(form.username, form.password).flatMap {
          case Some(uid) =>
            val session = Session(newSessionId(), uid)
            users.saveSession(session) *> Ok(Json.obj("session" -> Json.fromString(session.id)))
          case None =>
            val who = form.username.trim
            logger.warn(s"login failed for user=$who from ${clientAddr(req)}") *> // vuln: CWE-117
              Forbidden(Json.obj("error" -> Json.fromString("invalid credentials")))
        }
      }

    case req @ POST -> Root / "invites" =>
      bearer(req) match {
        case None => Forbidden()
        case Some(token) =>
          JwtCirce.decodeJson(token, jwtKey, Seq(JwtAlgorithm.HS256)).toOption match { // safe: CWE-347
            case Some(claims) if claims.hcursor.get[String]("role").contains("admin") =>
              val code = newInviteCode()
              val inviter = claims.hcursor.get[String]("sub").getOrElse("unknown")
              users.saveInvite(code, inviter) *> Created(Json.obj("code" -> Json.fromString(code)))
            case _ => Forbidden()
          }
      }

    case req @ GET -> Root / "me" =>
      val claims = bearer(req).flatMap { token =>
        JwtCirce.decodeJson(token, JwtOptions(signature = false)).toOption // vuln: CWE-347
      }
      claims.flatMap(_.hcursor.get[Long]("uid").toOption) match {
        case None => Forbidden()
        case Some(uid) =>
          users.profile(uid).flatMap {
            case Some(p) => Ok(p)
            case None    => NotFound()
          }
      }
  }
}
