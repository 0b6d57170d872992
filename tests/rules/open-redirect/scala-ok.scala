# bastion-fixture: app/controllers/OpenRedirectController.scala
class OpenRedirectController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: open-redirect
    val r = Redirect("/home")
    Ok("ok")
  }
}
