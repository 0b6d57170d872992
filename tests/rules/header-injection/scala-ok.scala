// bastion-fixture: app/controllers/DownloadController.scala
// ok: header-injection
package controllers

class DownloadController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def download = Action { request =>
    val name = request.getQueryString("name").getOrElse("report")
    val file = if (name == "summary") "summary.csv" else "report.csv"
    Ok("done").withHeaders("Content-Disposition" -> ("attachment; filename=" + file))
  }
}
