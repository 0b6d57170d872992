# bastion-fixture: app/controllers/ReflectedXssController.scala
class ReflectedXssController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: reflected-xss
    val page = Ok(Html("<h1>" + HtmlFormat.escape(v) + "</h1>"))
    Ok("ok")
  }
}
