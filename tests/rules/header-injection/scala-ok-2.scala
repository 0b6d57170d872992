// bastion-fixture: app/controllers/PartnerWidgets.scala
// ok: header-injection
// The Origin header is kept only when it is one of the partners' origins.
package controllers

import javax.inject.Inject

import play.api.libs.json.Json
import play.api.mvc._

class PartnerWidgets @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  private val partnerOrigins = Set("https://shop.partner-one.com", "https://store.partner-two.de")

  def config: Action[AnyContent] = Action { request =>
    request.headers.get(ORIGIN).filter(partnerOrigins.contains) match {
      case None => Forbidden
      case Some(origin) =>
        Ok(Json.obj("theme" -> "dark"))
          .withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin, ACCESS_CONTROL_ALLOW_CREDENTIALS -> "true", VARY -> ORIGIN)
    }
  }
}
