package controllers

import java.io.{ByteArrayInputStream, ObjectInputStream}
import java.security.SecureRandom
import java.util.Base64
import javax.inject.{Inject, Singleton}

import scala.concurrent.{ExecutionContext, Future}

import play.api.libs.json.Json
import play.api.mvc._
import services.{Cart, UserService, WidgetConfigs}

@Singleton
class SessionController @Inject() (cc: ControllerComponents, users: UserService, widgets: WidgetConfigs)(implicit
    ec: ExecutionContext
) extends AbstractController(cc) {

  private val random          = new SecureRandom()
  private val partnerOrigins  = Set("https://shop.partner-one.com", "https://store.partner-two.de")
  private val rememberSeconds = 30 * 24 * 3600

  private def newToken(): String = {
    val b = new Array[Byte](32)
    random.nextBytes(b)
    Base64.getUrlEncoder.withoutPadding.encodeToString(b)
  }

  def login: Action[Map[String, Seq[String]]] = Action(parse.formUrlEncoded).async { request =>
    val form     = request.body.view.mapValues(_.headOption.getOrElse("")).toMap
    val remember = form.get("remember").contains("on")
    users.authenticate(form.getOrElse("email", ""), form.getOrElse("password", "")).map {
      case None => Redirect("/login").flashing("error" -> "Invalid credentials")
      case Some(user) =>
        val sessionId = users.openSession(user.id)
        val sidCookie = Cookie("sid", sessionId, maxAge = Some(3600), secure = true, httpOnly = true, sameSite = Some(Cookie.SameSite.Lax)) // safe: CWE-614
        val result    = Redirect("/dashboard").withCookies(sidCookie)
        if (remember) {
          val token = newToken()
          users.storeRememberToken(user.id, token)
          result.withCookies(Cookie("remember", token, maxAge = Some(rememberSeconds), secure = false, httpOnly = true)) // vuln: CWE-614
        } else result
    }
  }

  def widgetConfig(shopId: Long): Action[AnyContent] = Action.async { request =>
    val origin = request.headers.get(ORIGIN).getOrElse("*")
    widgets.forShop(shopId).map { cfg =>
      Ok(Json.toJson(cfg)).withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin, ACCESS_CONTROL_ALLOW_CREDENTIALS -> "true") // vuln: CWE-942
    }
  }

  def partnerConfig(shopId: Long): Action[AnyContent] = Action.async { request =>
    request.headers.get(ORIGIN).filter(partnerOrigins.contains) match {
      case None => Future.successful(Forbidden)
      case Some(origin) =>
        widgets.forShop(shopId).map { cfg =>
          Ok(Json.toJson(cfg)).withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin, ACCESS_CONTROL_ALLOW_CREDENTIALS -> "true", VARY -> ORIGIN) // safe: CWE-942
        }
    }
  }

  def restoreCart: Action[AnyContent] = Action { request =>
    request.cookies.get("cart_snapshot") match {
      case None => NoContent
      case Some(c) =>
        val bytes = Base64.getDecoder.decode(c.value)
        val in    = new ObjectInputStream(new ByteArrayInputStream(bytes))
        try {
          val cart = in.readObject().asInstanceOf[Cart] // vuln: CWE-502
          Ok(Json.obj("items" -> cart.items.size, "total" -> cart.totalCents))
        } finally in.close()
    }
  }
}
