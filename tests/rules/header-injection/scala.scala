// bastion-fixture: app/controllers/DownloadController.scala
package controllers

class DownloadController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def download = Action { request =>
    val name = request.getQueryString("name").getOrElse("report")
// expect: header-injection
    Ok("done").withHeaders("Content-Disposition" -> ("attachment; filename=" + name))
  }
}
