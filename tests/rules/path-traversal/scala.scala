# bastion-fixture: app/controllers/PathTraversalController.scala
class PathTraversalController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: path-traversal
    val text = Source.fromFile("/data/" + v)
    Ok("ok")
  }
}
