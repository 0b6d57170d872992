# bastion-fixture: app/controllers/CodeInjectionController.scala
class CodeInjectionController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: code-injection
    val r = engine.eval(v)
    Ok("ok")
  }
}
