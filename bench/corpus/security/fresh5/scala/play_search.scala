package controllers

import javax.inject.{Inject, Singleton}

import anorm._
import anorm.SqlParser._
import play.api.db.Database
import play.api.libs.json.{Json, OFormat}
import play.api.mvc._
import play.twirl.api.{Html, HtmlFormat}

import scala.concurrent.{ExecutionContext, Future}

case class Product(id: Long, name: String, price: BigDecimal)

object Product {
  implicit val format: OFormat[Product] = Json.format[Product]
  val parser: RowParser[Product] = (long("id") ~ str("name") ~ get[BigDecimal]("price")).map {
    case id ~ name ~ price => Product(id, name, price)
  }
}

@Singleton
class ProductSearchController @Inject()(db: Database, cc: ControllerComponents)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  def byCategory(category: String, maxPrice: Option[BigDecimal]) = Action.async {
    Future {
      val limit = maxPrice.getOrElse(BigDecimal(100000))
      val rows = db.withConnection { implicit c =>
        SQL"SELECT id, name, price FROM products WHERE category = $category AND price <= $limit".as(Product.parser.*) // safe: CWE-89
      }
      Ok(Json.toJson(rows))
    }
  }

  def search = Action.async { request =>
    val term = request.getQueryString("q").getOrElse("")
    val order = request.getQueryString("order").getOrElse("name")
    Future {
      val rows = db.withConnection { implicit c =>
        SQL(s"SELECT id, name, price FROM products WHERE name ILIKE '%$term%' ORDER BY $order").as(Product.parser.*) // vuln: CWE-89
      }
      Ok(Json.toJson(rows))
    }
  }

  def searchPage = Action { request =>
    val term = request.getQueryString("q").getOrElse("")
    Ok(Html(s"<h1>Search</h1><p>You searched for <b>$term</b></p>")) // vuln: CWE-79
  }

  def noResults = Action { request =>
    val term = request.getQueryString("q").getOrElse("")
    Ok(Html(s"<p>No products match <b>${HtmlFormat.escape(term).body}</b></p>")) // safe: CWE-79
  }

  def backToShop = Action { request =>
    val target = request.getQueryString("returnUrl").getOrElse(routes.ProductSearchController.searchPage.url)
    Redirect(target) // vuln: CWE-601
  }
}
