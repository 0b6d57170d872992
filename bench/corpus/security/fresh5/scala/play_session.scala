package controllers.auth

import java.security.SecureRandom
import java.time.Clock
import java.util.Base64
import javax.inject.{Inject, Singleton}

import pdi.jwt.{JwtAlgorithm, JwtJson, JwtOptions}
import play.api.Configuration
import play.api.libs.json.{JsObject, Json}
import play.api.mvc._

import scala.util.{Failure, Random, Success}

@Singleton
class SessionController @Inject()(config: Configuration, cc: ControllerComponents) extends AbstractController(cc) {

  private implicit val clock: Clock = Clock.systemUTC()
  private val jwtKey = config.get[String]("auth.jwt.key")
  private val secureRandom = new SecureRandom()

  private def sessionToken(): String = {
    val buf = new Array[Byte](32)
    secureRandom.nextBytes(buf) // safe: CWE-330
    Base64.getUrlEncoder.withoutPadding.encodeToString(buf)
  }

  private def rememberToken(): String =
    Random.alphanumeric.take(40).mkString // vuln: CWE-330

  private def bearer(request: RequestHeader): Option[String] =
    request.headers.get(AUTHORIZATION).map(_.stripPrefix("Bearer ").trim)

  def login = Action(parse.json) { request =>
    val user = (request.body \ "username").as[String]
    val remember = (request.body \ "remember").asOpt[Boolean].getOrElse(false)
    val base = Ok(Json.obj("user" -> user))
      .withCookies(Cookie("SID", sessionToken(), httpOnly = true, secure = true, sameSite = Some(Cookie.SameSite.Lax))) // safe: CWE-1004
    if (remember)
      base.withCookies(Cookie("REMEMBER", rememberToken(), maxAge = Some(2592000), secure = false, httpOnly = true)) // vuln: CWE-614
    else base
  }

  def profile = Action { request =>
    bearer(request) match {
      case Some(token) =>
        JwtJson.decodeJson(token, jwtKey, Seq(JwtAlgorithm.HS256)) match { // safe: CWE-347
          case Success(claims) => Ok(claims - "iat")
          case Failure(_)      => Unauthorized
        }
      case None => Unauthorized
    }
  }

  def preferences = Action { request =>
    bearer(request).flatMap { token =>
      JwtJson.decodeJson(token, JwtOptions(signature = false)).toOption // vuln: CWE-347
    } match {
      case Some(claims: JsObject) =>
        val tenant = (claims \ "tenant").asOpt[String].getOrElse("default")
        Ok(Json.obj("tenant" -> tenant, "theme" -> (claims \ "theme").asOpt[String]))
      case None => Unauthorized
    }
  }
}
