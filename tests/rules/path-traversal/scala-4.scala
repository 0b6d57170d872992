// bastion-fixture: app/controllers/UploadsController.scala
// The file name from the query resolved under the uploads folder, then read with java.nio.
package controllers

import java.nio.file.{Files, Paths}
import javax.inject._
import play.api.mvc._

@Singleton
class UploadsController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def show = Action { request =>
    val name = request.getQueryString("file").getOrElse("")
    val target = Paths.get("/srv/uploads").resolve(name)
// expect: path-traversal
    Ok(Files.readString(target))
  }
}
