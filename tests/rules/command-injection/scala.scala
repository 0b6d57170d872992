# bastion-fixture: app/controllers/CommandInjectionController.scala
# A shell runs the script built from the query (`Seq("convert", v)` alone would pass `v` as one
# argument, no shell).
class CommandInjectionController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: command-injection
    val out = Seq("sh", "-c", s"convert $v out.png").!!
    Ok("ok")
  }
}
