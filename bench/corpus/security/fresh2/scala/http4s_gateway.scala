package com.acme.gateway

import scala.concurrent.duration._

import cats.effect.IO
import cats.syntax.all._
import org.http4s._
import org.http4s.client.Client
import org.http4s.dsl.io._
import org.http4s.headers.Location
import org.http4s.server.middleware.CORS
import org.typelevel.ci._
import org.typelevel.log4cats.Logger
import org.typelevel.log4cats.slf4j.Slf4jLogger

final class GatewayRoutes(client: Client[IO], ratesBase: Uri, appBase: Uri, sessions: SessionStore[IO]) {

  private implicit val logger: Logger[IO] = Slf4jLogger.getLogger[IO]

  private val supportedCurrencies = Set("USD", "EUR", "GBP", "CHF", "JPY")
  private val TitleRe = "(?is)<title[^>]*>(.*?)</title>".r

  object UrlParam extends QueryParamDecoderMatcher[String]("url")
  object CurrencyParam extends QueryParamDecoderMatcher[String]("currency")
  object NextParam extends OptionalQueryParamDecoderMatcher[String]("next")
  object CodeParam extends QueryParamDecoderMatcher[String]("code")

  private def extractTitle(html: String): String =
    TitleRe.findFirstMatchIn(html).map(_.group(1).trim).getOrElse("")

  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {

    case GET -> Root / "rates" :? CurrencyParam(ccy) =>
      val code = ccy.trim.toUpperCase
      if (!supportedCurrencies.contains(code)) BadRequest("unsupported currency")
      else client.expect[String](ratesBase / "v2" / "latest" / code).flatMap(Ok(_)) // safe: CWE-918

    case GET -> Root / "link-preview" :? UrlParam(url) =>
      Uri.fromString(url) match {
        case Left(_) => BadRequest("malformed url")
        case Right(target) =>
          for {
            _    <- logger.info(s"link preview requested for ${target.host.map(_.value).getOrElse("?")}")
            html <- client.expect[String](Request[IO](Method.GET, target)).timeout(5.seconds) // vuln: CWE-918
            resp <- Ok(extractTitle(html))
          } yield resp
      }

    case GET -> Root / "auth" / "callback" :? CodeParam(code) +& NextParam(next) =>
      for {
        sid  <- sessions.exchange(code)
        dest  = next.getOrElse("/dashboard")
        resp <- Found(Location(Uri.unsafeFromString(dest))) // vuln: CWE-601
      } yield resp.addCookie(ResponseCookie("sid", sid, httpOnly = true, secure = true, path = Some("/")))

    case req @ GET -> Root / "auth" / "logout" :? NextParam(next) =>
      val path = next.filter(n => n.startsWith("/") && !n.startsWith("//") && !n.contains('\\')).getOrElse("/")
      val sid = req.cookies.find(_.name == "sid").map(_.content)
      sid.traverse_(sessions.revoke) *>
        SeeOther(Location(appBase.withPath(Uri.Path.unsafeFromString(path)))).map(_.removeCookie("sid")) // safe: CWE-601

    case req @ GET -> Root / "me" =>
      req.headers.get(ci"X-Request-Id").map(_.head.value) match {
        case Some(rid) => sessions.currentUser(req).flatMap(u => Ok(u.email).map(_.putHeaders(Header.Raw(ci"X-Request-Id", rid))))
        case None      => sessions.currentUser(req).flatMap(u => Ok(u.email))
      }
  }

  val httpApp: HttpRoutes[IO] =
    CORS.policy.withAllowOriginHost(_ => true).withAllowCredentials(true).withMaxAge(1.day).apply(routes) // vuln: CWE-942
}
