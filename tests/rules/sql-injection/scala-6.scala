// bastion-fixture: app/controllers/ReportController.scala
// ScalikeJDBC: `sql"..."` binds `${x}`, but `SQLSyntax.createUnsafely` splices the text.
package controllers

import javax.inject._
import play.api.mvc._
import scalikejdbc._

@Singleton
class ReportController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def list = Action { request =>
    val sort = request.getQueryString("sort").getOrElse("id")
    val names = DB.readOnly { implicit session =>
// expect: sql-injection
      sql"select name from reports order by ${SQLSyntax.createUnsafely(sort)}".map(_.string("name")).list.apply()
    }
    Ok(names.mkString(","))
  }

}
