# bastion-fixture: app/controllers/CommandInjectionController.scala
class CommandInjectionController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: command-injection
    val out = Seq("convert", v).!!
    Ok("ok")
  }
}
