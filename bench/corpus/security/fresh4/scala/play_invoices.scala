package controllers

import javax.inject._
import scala.concurrent.ExecutionContext

import anorm._
import anorm.SqlParser._
import play.api.Logging
import play.api.db.Database
import play.api.libs.json._
import play.api.mvc._
import play.twirl.api.{Html, HtmlFormat}

case class InvoiceRow(id: Long, customer: String, amount: BigDecimal, status: String)

object InvoiceRow {
  implicit val writes: OWrites[InvoiceRow] = Json.writes[InvoiceRow]

  val parser: RowParser[InvoiceRow] =
    (long("id") ~ str("customer") ~ get[BigDecimal]("amount") ~ str("status")).map {
      case id ~ customer ~ amount ~ status => InvoiceRow(id, customer, amount, status)
    }
}

@Singleton
class InvoiceController @Inject() (db: Database, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc)
    with Logging {

  private val trustedReturnPaths = Set("/dashboard", "/invoices", "/billing/settings")

  def show(id: Long): Action[AnyContent] = Action {
    val invoice = db.withConnection { implicit c =>
      SQL"SELECT id, customer, amount, status FROM invoices WHERE id = $id".as(InvoiceRow.parser.singleOpt) // safe: CWE-89
    }
    invoice.fold(NotFound(Json.obj("error" -> "invoice not found")))(i => Ok(Json.toJson(i)))
  }

  private def searchClause(customer: String, status: String): String = {
    val base = s"customer LIKE '%$customer%'"
    if (status.isEmpty) base else s"$base AND status = '$status'"
  }

  def search: Action[AnyContent] = Action { request =>
    val customer = request.getQueryString("customer").getOrElse("")
    val status = request.getQueryString("status").getOrElse("open")
    val where = searchClause(customer, status)
    val rows = db.withConnection { implicit c =>
      SQL(s"SELECT id, customer, amount, status FROM invoices WHERE $where ORDER BY id DESC LIMIT 200") // vuln: CWE-89
        .as(InvoiceRow.parser.*)
    }
    Ok(Json.toJson(rows))
  }

  def preview(id: Long): Action[AnyContent] = Action { request =>
    val note = request.getQueryString("note").getOrElse("")
    val sender = request.session.get("displayName").getOrElse("Billing team")
    val banner =
      s"""<div class="invoice-note">
         |  <strong>${HtmlFormat.escape(sender).body}</strong> wrote: $note
         |</div>""".stripMargin
    Ok(Html(banner)) // vuln: CWE-79
  }

  def receipt(id: Long): Action[AnyContent] = Action { request =>
    val payer = request.getQueryString("payer").getOrElse("customer")
    val heading = s"<h1>Receipt #$id for ${HtmlFormat.escape(payer).body}</h1>"
    Ok(Html(heading)) // safe: CWE-79
  }

  def markPaid(id: Long): Action[AnyContent] = Action { request =>
    val next = request.getQueryString("next").getOrElse("/invoices")
    val updated = db.withConnection { implicit c =>
      SQL"UPDATE invoices SET status = 'paid' WHERE id = $id".executeUpdate()
    }
    logger.info(s"invoice $id marked paid (rows=$updated)")
    Redirect(next) // vuln: CWE-601
  }

  def close(id: Long): Action[AnyContent] = Action { request =>
    val requested = request.getQueryString("returnTo").getOrElse("/invoices")
    val target = if (trustedReturnPaths.contains(requested)) requested else "/invoices"
    db.withConnection { implicit c =>
      SQL"UPDATE invoices SET status = 'closed' WHERE id = $id".executeUpdate()
    }
    Redirect(target) // safe: CWE-601
  }
}
