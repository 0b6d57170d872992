// bastion-fixture: app/controllers/InvoiceController.scala
// A local helper builds the WHERE clause; its value is the if/else it ends with.
package controllers

import anorm._
import javax.inject._
import play.api.db.Database
import play.api.mvc._

@Singleton
class InvoiceController @Inject()(cc: ControllerComponents, db: Database) extends AbstractController(cc) {
  private def clause(customer: String, status: String): String = {
    val base = s"customer = '$customer'"
    if (status.isEmpty) base else s"$base AND status = '$status'"
  }

  def search = Action { request =>
    val where = clause(request.getQueryString("customer").getOrElse(""), "")
    val ids = db.withConnection { implicit c =>
// expect: sql-injection
      SQL(s"SELECT id FROM invoices WHERE $where").as(SqlParser.int("id").*)
    }
    Ok(ids.mkString(","))
  }
}
