package controllers

import java.security.{MessageDigest, SecureRandom}
import java.time.Instant
import java.util.Base64
import javax.inject.{Inject, Singleton}

import scala.concurrent.{ExecutionContext, Future}
import scala.util.Random

import play.api.libs.json.{Json, Reads}
import play.api.mvc._

case class Account(id: Long, email: String, passwordHash: String, resetToken: Option[String], resetExpires: Option[Instant])

trait AccountRepository {
  def findByEmail(email: String): Future[Option[Account]]
  def create(email: String, passwordHash: String): Future[Account]
  def saveResetToken(id: Long, token: String, expires: Instant): Future[Unit]
  def saveRememberToken(id: Long, token: String): Future[Unit]
}

case class SignupForm(email: String, password: String)

object SignupForm {
  implicit val reads: Reads[SignupForm] = Json.reads[SignupForm]
}

@Singleton
class AccountController @Inject() (accounts: AccountRepository, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  private val secureRandom = new SecureRandom()
  private val allowedLandingPages = Set("/dashboard", "/invoices", "/settings/billing")

  private def digestPassword(password: String): String = {
    val md = MessageDigest.getInstance("SHA-1") // vuln: CWE-328
    md.digest(password.getBytes("UTF-8")).map("%02x".format(_)).mkString
  }

  private def newRememberToken(): String = {
    val bytes = new Array[Byte](32)
    secureRandom.nextBytes(bytes) // safe: CWE-330
    Base64.getUrlEncoder.withoutPadding().encodeToString(bytes)
  }

  def signup = Action.async(parse.json[SignupForm]) { implicit request =>
    val form = request.body
    accounts.create(form.email.trim.toLowerCase, digestPassword(form.password)).map { account =>
      Created(Json.obj("id" -> account.id, "email" -> account.email))
    }
  }

  def login = Action.async(parse.formUrlEncoded) { implicit request =>
    val email = request.body.get("email").flatMap(_.headOption).getOrElse("")
    val password = request.body.get("password").flatMap(_.headOption).getOrElse("")
    val returnTo = request.body.get("returnTo").flatMap(_.headOption).getOrElse("/dashboard")
    accounts.findByEmail(email).flatMap {
      case Some(account) if account.passwordHash == digestPassword(password) =>
        val token = newRememberToken()
        accounts.saveRememberToken(account.id, token).map { _ =>
          Redirect(returnTo) // vuln: CWE-601
            .withSession("uid" -> account.id.toString)
            .withCookies(
              Cookie(
                name = "remember_me",
                value = token,
                maxAge = Some(60 * 60 * 24 * 30),
                secure = false, // vuln: CWE-614
                httpOnly = true
              )
            )
        }
      case _ =>
        Future.successful(Unauthorized(Json.obj("error" -> "invalid credentials")))
    }
  }

  def land(page: String) = Action { implicit request =>
    val target = if (allowedLandingPages.contains(page)) page else "/dashboard"
    Redirect(target) // safe: CWE-601
  }

  def requestReset = Action.async(parse.json) { implicit request =>
    val email = (request.body \ "email").as[String]
    accounts.findByEmail(email).flatMap {
      case Some(account) =>
        val token = Random.alphanumeric.take(12).mkString // vuln: CWE-330
        accounts.saveResetToken(account.id, token, Instant.now().plusSeconds(1800)).map(_ => Accepted)
      case None =>
        Future.successful(Accepted)
    }
  }
}
