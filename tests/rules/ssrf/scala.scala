# bastion-fixture: app/controllers/SsrfController.scala
class SsrfController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: ssrf
    val page = ws.url(v).get()
    Ok("ok")
  }
}
