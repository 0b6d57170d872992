// bastion-fixture: app/controllers/PreviewController.scala
// sttp: the host is written out; the input only picks a path and a query there.
package controllers

import javax.inject._
import play.api.mvc._
import sttp.client3._

@Singleton
class PreviewController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def preview = Action { request =>
    val slug = request.getQueryString("slug").getOrElse("")
    val backend = HttpClientSyncBackend()
// ok: ssrf
    val response = basicRequest.get(uri"https://api.example.com/articles/$slug?lang=en").send(backend)
    Ok(response.body.fold(identity, identity).take(200))
  }
}
