package com.acme.notify.webhooks

import java.io.ByteArrayInputStream
import javax.xml.parsers.DocumentBuilderFactory

import cats.effect.IO
import cats.syntax.all._
import org.http4s._
import org.http4s.circe.CirceEntityCodec._
import org.http4s.client.Client
import org.http4s.dsl.io._
import org.typelevel.log4cats.Logger
import io.circe.generic.auto._

final case class Subscription(target: String, event: String)
final case class Delivery(status: Int, body: String)

class WebhookRoutes(client: Client[IO], logger: Logger[IO]) {

  private val partnerHosts = Set("hooks.slack.com", "events.pagerduty.com", "relay.notify.acme.io")

  private def parseEnvelope(bytes: Array[Byte]): IO[String] = IO.blocking {
    val dbf = DocumentBuilderFactory.newInstance()
    dbf.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement.getAttribute("event") // vuln: CWE-611
  }

  private def parseSignedEnvelope(bytes: Array[Byte]): IO[String] = IO.blocking {
    val dbf = DocumentBuilderFactory.newInstance()
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    dbf.setExpandEntityReferences(false)
    dbf.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement.getAttribute("event") // safe: CWE-611
  }

  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case req @ POST -> Root / "subscriptions" / "test" =>
      for {
        sub    <- req.as[Subscription]
        target <- IO.fromEither(Uri.fromString(sub.target))
        body   <- client.expect[String](Request[IO](Method.POST, target).withEntity(sub.event)) // vuln: CWE-918
        resp   <- Ok(Delivery(200, body))
      } yield resp

    case req @ POST -> Root / "subscriptions" / "partner" =>
      for {
        sub    <- req.as[Subscription]
        target <- IO.fromEither(Uri.fromString(sub.target))
        host    = target.host.map(_.value).getOrElse("")
        _      <- IO.raiseUnless(target.scheme.contains(Uri.Scheme.https) && partnerHosts.contains(host))(
                    new IllegalArgumentException("target not allowed"))
        body   <- client.expect[String](Request[IO](Method.POST, target).withEntity(sub.event)) // safe: CWE-918
        resp   <- Ok(Delivery(202, body))
      } yield resp

    case req @ POST -> Root / "inbound" / "xml" =>
      val source = req.params.getOrElse("source", "unknown")
      for {
        bytes <- req.body.compile.to(Array)
        event <- parseEnvelope(bytes)
        _     <- logger.info(s"inbound event $event from $source") // vuln: CWE-117
        resp  <- Accepted()
      } yield resp

    case req @ POST -> Root / "inbound" / "signed" =>
      for {
        bytes <- req.body.compile.to(Array)
        event <- parseSignedEnvelope(bytes)
        resp  <- Accepted(event)
      } yield resp
  }
}
