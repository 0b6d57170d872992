# bastion-fixture: app/controllers/CodeInjectionController.scala
class CodeInjectionController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: code-injection
    val r = engine.eval("1 + 1")
    Ok("ok")
  }
}
