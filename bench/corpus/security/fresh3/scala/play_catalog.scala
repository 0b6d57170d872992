package controllers

import javax.inject.{Inject, Singleton}

import anorm._
import anorm.SqlParser.{long, str}
import play.api.Logging
import play.api.db.Database
import play.api.libs.json.{Json, OWrites}
import play.api.mvc._
import play.twirl.api.{Html, HtmlFormat}

case class Product(id: Long, name: String, category: String, priceCents: Long)

object Product {
  implicit val writes: OWrites[Product] = Json.writes[Product]

  val parser: RowParser[Product] =
    (long("id") ~ str("name") ~ str("category") ~ long("price_cents")).map {
      case id ~ name ~ category ~ price => Product(id, name, category, price)
    }
}

@Singleton
class CatalogController @Inject() (db: Database, cc: ControllerComponents)
    extends AbstractController(cc)
    with Logging {

  def show(id: Long): Action[AnyContent] = Action {
    val product = db.withConnection { implicit c =>
      SQL"SELECT id, name, category, price_cents FROM products WHERE id = $id AND active".as(Product.parser.singleOpt) // safe: CWE-89
    }
    product.fold(NotFound(Json.obj("error" -> "no such product")))(p => Ok(Json.toJson(p)))
  }

  def search: Action[AnyContent] = Action { request =>
    val q        = request.getQueryString("q").getOrElse("").trim
    val category = request.getQueryString("category").getOrElse("all")
    val where    = if (category == "all") "" else s" AND category = '$category'"
    val rows = db.withConnection { implicit c =>
      SQL(s"SELECT id, name, category, price_cents FROM products WHERE name ILIKE {q}$where ORDER BY name LIMIT 50").on("q" -> s"%$q%").as(Product.parser.*) // vuln: CWE-89
    }
    Ok(Json.toJson(rows))
  }

  def searchPage: Action[AnyContent] = Action { request =>
    val q = request.getQueryString("q").getOrElse("")
    val rows = db.withConnection { implicit c =>
      SQL"SELECT id, name, category, price_cents FROM products WHERE name ILIKE ${"%" + q + "%"} LIMIT 50".as(Product.parser.*)
    }
    val items = rows.map(p => s"<li>${HtmlFormat.escape(p.name)}</li>").mkString
    val page  = s"<h2>Results for ${HtmlFormat.escape(q)}</h2><ul>$items</ul>"
    Ok(Html(page)) // safe: CWE-79
  }

  def missing: Action[AnyContent] = Action { request =>
    val from = request.getQueryString("from").getOrElse("")
    logger.info(s"product page not found, referrer path length ${from.length}")
    NotFound(Html(s"<p>We could not find <b>$from</b>. <a href='/catalog'>Back to the catalog</a></p>")) // vuln: CWE-79
  }

  def addToCart(id: Long): Action[AnyContent] = Action { implicit request =>
    val qty = request.getQueryString("qty").flatMap(_.toIntOption).filter(_ > 0).getOrElse(1)
    db.withConnection { implicit c =>
      SQL"INSERT INTO cart_items (session_id, product_id, qty) VALUES (${request.session.get("cart").getOrElse("")}, $id, $qty)".executeInsert()
    }
    val back = request.getQueryString("back").getOrElse(routes.CatalogController.show(id).url)
    Redirect(back).flashing("info" -> "Added to cart") // vuln: CWE-601
  }
}
