// bastion-fixture: app/controllers/AfterLoginController.scala
// The target is a path of this site written out before the input (`/teams/<id>`).
package controllers

import javax.inject._
import play.api.mvc._

@Singleton
class AfterLoginController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def after = Action { request =>
    val team = request.getQueryString("team").getOrElse("")
// ok: open-redirect
    Redirect(s"/teams/$team/overview")
  }
}
