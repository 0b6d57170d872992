# bastion-fixture: app/controllers/SsrfController.scala
class SsrfController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: ssrf
    val page = ws.url("https://status.example.com/health").get()
    Ok("ok")
  }
}
