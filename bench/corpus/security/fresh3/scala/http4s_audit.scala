package com.acme.audit

import java.time.Instant

import cats.effect.IO
import cats.syntax.all._
import doobie._
import doobie.implicits._
import doobie.implicits.javatimedrivernative._
import io.circe.generic.auto._
import io.circe.parser.decode
import org.http4s._
import org.http4s.circe.CirceEntityEncoder._
import org.http4s.dsl.io._
import org.http4s.headers.Authorization
import pdi.jwt.{JwtAlgorithm, JwtCirce, JwtClaim, JwtOptions}

final case class AuditEvent(id: Long, actor: String, action: String, createdAt: Instant)
final case class AuditClaims(sub: String, tenant: String, roles: List[String])

object AuditConfig {
  val SigningKey: String = "aud1t-s1gning-k3y-2024-prod-do-not-share" // vuln: CWE-798
}

class AuditRepository(xa: Transactor[IO]) {

  def list(tenant: String, sort: String, limit: Int): IO[List[AuditEvent]] = {
    val base = fr"SELECT id, actor, action, created_at FROM audit_events WHERE tenant = $tenant ORDER BY"
    (base ++ Fragment.const(sort) ++ fr"LIMIT $limit").query[AuditEvent].to[List].transact(xa) // vuln: CWE-89
  }

  def find(tenant: String, id: Long): IO[Option[AuditEvent]] =
    sql"SELECT id, actor, action, created_at FROM audit_events WHERE tenant = $tenant AND id = $id".query[AuditEvent].option.transact(xa) // safe: CWE-89
}

object QueryParams {
  object SortParam  extends OptionalQueryParamDecoderMatcher[String]("sort")
  object LimitParam extends OptionalQueryParamDecoderMatcher[Int]("limit")
}

class AuditRoutes(repo: AuditRepository) {
  import QueryParams._

  private def bearer(req: Request[IO]): Option[String] =
    req.headers.get[Authorization].collect {
      case Authorization(Credentials.Token(AuthScheme.Bearer, token)) => token
    }

  private def claims(req: Request[IO]): Option[AuditClaims] =
    bearer(req).flatMap { token =>
      JwtCirce.decode(token, AuditConfig.SigningKey, Seq(JwtAlgorithm.HS256)).toOption // safe: CWE-347
        .flatMap(c => decode[AuditClaims](c.content).toOption)
    }

  // used by the support console to show who is calling; it only reads the token
  private def unverifiedClaims(req: Request[IO]): Option[AuditClaims] =
    bearer(req).flatMap { token =>
      JwtCirce.decode(token, JwtOptions(signature = false, expiration = false)).toOption // vuln: CWE-347
        .flatMap(c => decode[AuditClaims](c.content).toOption)
    }

  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case req @ GET -> Root / "audit" / "events" :? SortParam(sort) +& LimitParam(limit) =>
      claims(req) match {
        case None => Forbidden()
        case Some(c) =>
          val order = sort.getOrElse("created_at DESC")
          repo.list(c.tenant, order, limit.getOrElse(50).min(500)).flatMap(Ok(_))
      }

    case req @ GET -> Root / "audit" / "events" / LongVar(id) =>
      claims(req) match {
        case None    => Forbidden()
        case Some(c) => repo.find(c.tenant, id).flatMap(_.fold(NotFound())(Ok(_)))
      }

    case req @ GET -> Root / "support" / "tenant-events" =>
      unverifiedClaims(req) match {
        case Some(c) if c.roles.contains("support") => repo.list(c.tenant, "created_at DESC", 100).flatMap(Ok(_))
        case _                                      => Forbidden()
      }
  }
}
