// bastion-fixture: app/controllers/SessionController.scala
package controllers

import javax.inject.Inject
import pdi.jwt.{JwtJson, JwtOptions}
import play.api.mvc._

class SessionController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def mobileHandoff: Action[AnyContent] = Action { implicit request =>
    val token = request.headers.get(AUTHORIZATION).map(_.stripPrefix("Bearer ")).getOrElse("")
// expect: jwt-verification-disabled
    JwtJson.decodeJson(token, JwtOptions(signature = false, expiration = true)).fold(_ => Unauthorized, claims => Ok(claims))
  }
}
