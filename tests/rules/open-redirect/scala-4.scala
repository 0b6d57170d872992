// bastion-fixture: app/controllers/AfterLoginController.scala
// The whole target comes from the query, interpolated into a string of its own.
package controllers

import javax.inject._
import play.api.mvc._

@Singleton
class AfterLoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def after = Action { request =>
    val next = request.getQueryString("next").getOrElse("/")
// expect: open-redirect
    Redirect(s"$next")
  }
}
