// bastion-fixture: app/controllers/SessionController.scala
// ok: jwt-verification-disabled
package controllers

import javax.inject.Inject
import pdi.jwt.{JwtAlgorithm, JwtJson}
import play.api.mvc._

class SessionController @Inject()(cc: ControllerComponents, key: String) extends AbstractController(cc) {
  def mobileHandoff: Action[AnyContent] = Action { implicit request =>
    val token = request.headers.get(AUTHORIZATION).map(_.stripPrefix("Bearer ")).getOrElse("")
    JwtJson.decodeJson(token, key, Seq(JwtAlgorithm.HS256)).fold(_ => Unauthorized, claims => Ok(claims))
  }
}
