# bastion-fixture: app/controllers/ReflectedXssController.scala
class ReflectedXssController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: reflected-xss
    val page = Ok(Html("<h1>" + v + "</h1>"))
    Ok("ok")
  }
}
