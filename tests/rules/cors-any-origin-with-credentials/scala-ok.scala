// bastion-fixture: app/controllers/PartnerController.scala
// ok: cors-any-origin-with-credentials
// Only a partner's origin is sent back; a public endpoint without credentials may name any.
package controllers

import javax.inject.Inject

import play.api.libs.json.Json
import play.api.mvc._

class PartnerController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  private val partnerOrigins = Set("https://shop.partner-one.com", "https://store.partner-two.de")

  def config: Action[AnyContent] = Action { request =>
    val origin = request.headers.get(ORIGIN).filter(partnerOrigins.contains).getOrElse("")
    Ok(Json.obj("theme" -> "dark"))
      .withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin, ACCESS_CONTROL_ALLOW_CREDENTIALS -> "true")
  }

  def publicFeed: Action[AnyContent] = Action { request =>
    val origin = request.headers.get(ORIGIN).getOrElse("*")
    Ok(Json.obj("items" -> 3)).withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin)
  }
}
