package controllers

import java.io.File
import java.nio.file.{Path, Paths}
import java.time.LocalDate
import javax.inject.{Inject, Singleton}

import scala.concurrent.{ExecutionContext, Future}

import anorm._
import anorm.SqlParser._
import play.api.Configuration
import play.api.db.Database
import play.api.libs.json.{Json, OFormat}
import play.api.mvc._

case class InvoiceRow(id: Long, customer: String, total: BigDecimal, dueOn: LocalDate)

object InvoiceRow {
  implicit val format: OFormat[InvoiceRow] = Json.format[InvoiceRow]

  val parser: RowParser[InvoiceRow] =
    (long("id") ~ str("customer") ~ get[BigDecimal]("total") ~ get[LocalDate]("due_on")).map {
      case id ~ customer ~ total ~ dueOn => InvoiceRow(id, customer, total, dueOn)
    }
}

@Singleton
class InvoiceController @Inject() (
    db: Database,
    config: Configuration,
    cc: ControllerComponents
)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  private val exportDir: Path = Paths.get(config.get[String]("ledger.exports.dir")).toAbsolutePath.normalize()

  private def statusClause(status: Option[String]): String =
    status.map(s => s"AND status = '$s'").getOrElse("")

  def list(status: Option[String], sort: String) = Action.async { implicit request =>
    Future {
      val orderBy = if (sort.nonEmpty) sort else "due_on"
      val rows = db.withConnection { implicit conn =>
        SQL(s"SELECT id, customer, total, due_on FROM invoices WHERE deleted = false ${statusClause(status)} ORDER BY $orderBy") // vuln: CWE-89
          .as(InvoiceRow.parser.*)
      }
      Ok(Json.toJson(rows))
    }
  }

  def forCustomer(customerId: Long) = Action.async { implicit request =>
    val minTotal = request.getQueryString("min").flatMap(_.toDoubleOption).getOrElse(0.0)
    Future {
      val rows = db.withConnection { implicit conn =>
        SQL"SELECT id, customer, total, due_on FROM invoices WHERE customer_id = $customerId AND total >= $minTotal" // safe: CWE-89
          .as(InvoiceRow.parser.*)
      }
      Ok(Json.toJson(rows))
    }
  }

  def markPaid(id: Long) = Action(parse.json) { implicit request =>
    val reference = (request.body \ "reference").as[String]
    val updated = db.withConnection { implicit conn =>
      SQL("UPDATE invoices SET paid = true, payment_ref = {ref} WHERE id = {id}") // safe: CWE-89
        .on("ref" -> reference, "id" -> id)
        .executeUpdate()
    }
    if (updated == 1) NoContent else NotFound
  }

  def downloadExport(name: String) = Action { implicit request =>
    val file = new File(exportDir.toFile, s"$name.csv")
    if (file.exists()) Ok.sendFile(file, inline = false) // vuln: CWE-22
    else NotFound(Json.obj("error" -> "unknown export"))
  }

  def downloadArchive = Action { implicit request =>
    request.getQueryString("path") match {
      case None => BadRequest(Json.obj("error" -> "path required"))
      case Some(relative) =>
        val target = exportDir.resolve("archive").resolve(relative).normalize()
        if (!target.startsWith(exportDir.resolve("archive"))) {
          Forbidden(Json.obj("error" -> "outside archive"))
        } else {
          Ok.sendFile(target.toFile, inline = false) // safe: CWE-22
        }
    }
  }
}
