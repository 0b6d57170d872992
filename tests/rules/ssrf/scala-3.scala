// bastion-fixture: app/controllers/PreviewController.scala
// sttp: a query parameter is the whole address of the request the server sends.
package controllers

import javax.inject._
import play.api.mvc._
import sttp.client3._

@Singleton
class PreviewController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def preview = Action { request =>
    val target = request.getQueryString("url").getOrElse("")
    val backend = HttpClientSyncBackend()
// expect: ssrf
    val response = basicRequest.get(uri"$target").send(backend)
    Ok(response.body.fold(identity, identity).take(200))
  }
}
