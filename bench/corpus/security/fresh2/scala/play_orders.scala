package controllers

import javax.inject.{Inject, Singleton}

import scala.concurrent.{ExecutionContext, Future}

import anorm._
import anorm.SqlParser._
import play.api.Logging
import play.api.db.Database
import play.api.libs.json.{Json, OFormat}
import play.api.mvc._
import play.twirl.api.{Html, HtmlFormat}

case class Order(id: Long, customerId: Long, status: String, totalCents: Long, note: Option[String])

object Order {
  implicit val format: OFormat[Order] = Json.format[Order]

  val parser: RowParser[Order] =
    (long("id") ~ long("customer_id") ~ str("status") ~ long("total_cents") ~ get[Option[String]]("note")).map {
      case id ~ customer ~ status ~ total ~ note => Order(id, customer, status, total, note)
    }
}

@Singleton
class OrderRepository @Inject() (db: Database)(implicit ec: DatabaseExecutionContext) {

  def find(id: Long): Future[Option[Order]] = Future {
    db.withConnection { implicit c =>
      SQL"SELECT id, customer_id, status, total_cents, note FROM orders WHERE id = $id".as(Order.parser.singleOpt) // safe: CWE-89
    }
  }

  def forCustomer(customerId: String, status: Option[String]): Future[List[Order]] = Future {
    db.withConnection { implicit c =>
      val statusClause = status.map(s => s" AND status = '$s'").getOrElse("")
      SQL(s"SELECT id, customer_id, status, total_cents, note FROM orders WHERE customer_id = $customerId$statusClause ORDER BY id DESC").as(Order.parser.*) // vuln: CWE-89
    }
  }

  def recent(sortBy: String, limit: Int): Future[List[Order]] = Future {
    db.withConnection { implicit c =>
      SQL"SELECT id, customer_id, status, total_cents, note FROM orders ORDER BY #$sortBy DESC LIMIT $limit".as(Order.parser.*) // vuln: CWE-89
    }
  }

  def addNote(id: Long, note: String): Future[Int] = Future {
    db.withConnection { implicit c =>
      SQL"UPDATE orders SET note = $note WHERE id = $id".executeUpdate()
    }
  }
}

@Singleton
class OrderController @Inject() (repo: OrderRepository, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc)
    with Logging {

  def show(id: Long): Action[AnyContent] = Action.async {
    repo.find(id).map {
      case Some(order) => Ok(Json.toJson(order))
      case None        => NotFound(Json.obj("error" -> "order not found"))
    }
  }

  def byCustomer: Action[AnyContent] = Action.async { implicit request =>
    val customer = request.getQueryString("customer").getOrElse("")
    val status = request.getQueryString("status").filter(_.nonEmpty)
    repo.forCustomer(customer, status).map { orders =>
      if (orders.isEmpty) NotFound(Html(s"<div class='empty'>No orders for customer ${HtmlFormat.escape(customer)}</div>")) // safe: CWE-79
      else Ok(Json.toJson(orders))
    }
  }

  def recent: Action[AnyContent] = Action.async { implicit request =>
    val sort = request.getQueryString("sort").getOrElse("created_at")
    val limit = request.getQueryString("limit").flatMap(_.toIntOption).map(_.min(200)).getOrElse(20)
    repo.recent(sort, limit).map(orders => Ok(Json.toJson(orders)))
  }

  def annotate(id: Long): Action[Map[String, Seq[String]]] = Action.async(parse.formUrlEncoded) { implicit request =>
    val note = request.body.get("note").flatMap(_.headOption).getOrElse("")
    repo.addNote(id, note).map(n => if (n == 1) NoContent else NotFound)
  }

  def printable(id: Long): Action[AnyContent] = Action.async { implicit request =>
    val title = request.getQueryString("title").getOrElse("Order")
    repo.find(id).map {
      case Some(order) =>
        val note = order.note.getOrElse("")
        logger.debug(s"rendering printable view for order ${order.id}")
        Ok(Html(s"<html><head><title>$title</title></head><body><h1>$title #${order.id}</h1><p>$note</p></body></html>")) // vuln: CWE-79
      case None => NotFound
    }
  }
}
