// bastion-fixture: app/controllers/WidgetController.scala
// The widget endpoint answers every origin, cookies included.
package controllers

import javax.inject.Inject

import play.api.libs.json.Json
import play.api.mvc._

class WidgetController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {

  def widgetConfig(shopId: Long): Action[AnyContent] = Action { request =>
    val origin = request.headers.get(ORIGIN).getOrElse("*")
    Ok(Json.obj("shop" -> shopId))
// expect: cors-any-origin-with-credentials
      .withHeaders(ACCESS_CONTROL_ALLOW_ORIGIN -> origin, ACCESS_CONTROL_ALLOW_CREDENTIALS -> "true")
  }
}
