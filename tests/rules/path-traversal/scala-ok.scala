# bastion-fixture: app/controllers/PathTraversalController.scala
class PathTraversalController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: path-traversal
    val text = Source.fromFile("/data/" + FilenameUtils.getName(v))
    Ok("ok")
  }
}
