// bastion-fixture: app/controllers/WebhookTestController.scala
// requests-scala: the address to call comes from the form.
package controllers

import javax.inject._
import play.api.mvc._

@Singleton
class WebhookTestController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def ping = Action { request =>
    val form = request.body.asFormUrlEncoded.getOrElse(Map.empty)
    val hook = form.get("url").flatMap(_.headOption).getOrElse("")
// expect: ssrf
    val answer = requests.get(hook, readTimeout = 5000)
    Ok(answer.statusCode.toString)
  }
}
