package controllers.auth

import java.io.{ByteArrayInputStream, ObjectInputStream}
import java.util.Base64
import javax.inject.{Inject, Singleton}

import scala.concurrent.{ExecutionContext, Future}
import scala.util.{Failure, Success}

import pdi.jwt.{JwtAlgorithm, JwtJson, JwtOptions}
import play.api.{Configuration, Logging}
import play.api.libs.json._
import play.api.mvc._

case class CartItem(sku: String, qty: Int)
case class Cart(items: List[CartItem])

object Cart {
  implicit val itemFormat: OFormat[CartItem] = Json.format[CartItem]
  implicit val format: OFormat[Cart] = Json.format[Cart]
}

@Singleton
class SessionController @Inject() (
    cc: ControllerComponents,
    config: Configuration,
    users: UserService,
    carts: CartService
)(implicit ec: ExecutionContext)
    extends AbstractController(cc)
    with Logging {

  private val jwtKey = config.get[String]("auth.jwt.key")
  private val rememberDays = 30

  def login: Action[JsValue] = Action.async(parse.json) { implicit request =>
    val username = (request.body \ "username").as[String]
    val password = (request.body \ "password").as[String]
    users.authenticate(username, password).map {
      case Some(user) =>
        val token = users.issueRememberToken(user.id)
        Ok(Json.obj("user" -> user.id))
          .withSession("uid" -> user.id.toString)
          .withCookies(
            Cookie("device", users.deviceId(user.id), maxAge = Some(365 * 86400), secure = true, httpOnly = true, sameSite = Some(Cookie.SameSite.Lax)), // safe: CWE-614
            // the SPA reads this one to greet returning users
            Cookie("remember_me", token, maxAge = Some(rememberDays * 86400), secure = true, httpOnly = false) // vuln: CWE-1004
          )
      case None =>
        Unauthorized(Json.obj("error" -> "invalid credentials"))
    }
  }

  /** The mobile app hands its id token over to open a web session. */
  def mobileHandoff: Action[AnyContent] = Action { implicit request =>
    request.headers.get(AUTHORIZATION).map(_.stripPrefix("Bearer ").trim) match {
      case Some(idToken) =>
        JwtJson.decodeJson(idToken, JwtOptions(signature = false, expiration = true)) match { // vuln: CWE-347
          case Success(claims) => Redirect("/app").withSession("uid" -> (claims \ "sub").as[String])
          case Failure(e) =>
            logger.warn(s"mobile handoff rejected: ${e.getMessage}")
            Unauthorized
        }
      case None => Unauthorized
    }
  }

  def whoAmI: Action[AnyContent] = Action { implicit request =>
    val token = request.headers.get(AUTHORIZATION).getOrElse("").stripPrefix("Bearer ").trim
    JwtJson.decodeJson(token, jwtKey, Seq(JwtAlgorithm.HS256)) match { // safe: CWE-347
      case Success(claims) => Ok(Json.obj("sub" -> (claims \ "sub").as[String], "scope" -> (claims \ "scope").asOpt[String]))
      case Failure(_)      => Unauthorized
    }
  }

  /** Restores the cart saved in a cookie before the user logged in. */
  def restoreCart: Action[AnyContent] = Action.async { implicit request =>
    request.cookies.get("cart_backup").map(_.value) match {
      case Some(encoded) =>
        val cart =
          if (encoded.startsWith("j1.")) {
            Json.parse(Base64.getUrlDecoder.decode(encoded.drop(3))).as[Cart] // safe: CWE-502
          } else {
            // cookies written before the JSON format was introduced
            new ObjectInputStream(new ByteArrayInputStream(Base64.getUrlDecoder.decode(encoded))).readObject().asInstanceOf[Cart] // vuln: CWE-502
          }
        carts
          .merge(request.session.get("uid"), cart)
          .map(merged => Ok(Json.toJson(merged)).discardingCookies(DiscardingCookie("cart_backup")))
      case None =>
        Future.successful(NoContent)
    }
  }

  def logout: Action[AnyContent] = Action { implicit request =>
    request.session.get("uid").foreach(uid => users.revokeRememberTokens(uid.toLong))
    Redirect("/").withNewSession.discardingCookies(DiscardingCookie("remember_me"))
  }
}
