// bastion-fixture: app/controllers/ReportController.scala
// ScalikeJDBC: `sql"..."` binds `${x}` as a parameter.
package controllers

import javax.inject._
import play.api.mvc._
import scalikejdbc._

@Singleton
class ReportController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def byOwner = Action { request =>
    val owner = request.getQueryString("owner").getOrElse("")
    val names = DB.readOnly { implicit session =>
// ok: sql-injection
      sql"select name from reports where owner = ${owner}".map(_.string("name")).list.apply()
    }
    Ok(names.mkString(","))
  }
}
