package controllers

import java.io.File
import java.nio.file.{Files, Path, Paths}
import java.security.MessageDigest
import javax.inject.Inject

import scala.concurrent.{ExecutionContext, Future}
import scala.sys.process._

import anorm._
import play.api.Logger
import play.api.db.Database
import play.api.libs.json.Json
import play.api.libs.ws.WSClient
import play.api.mvc._
import play.twirl.api.{Html, HtmlFormat}

class CatalogController @Inject() (
    cc: ControllerComponents,
    db: Database,
    ws: WSClient
)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  private val logger = Logger(getClass)
  private val assetRoot: Path = Paths.get("/srv/catalog/assets")
  private val sortable = Set("name", "price", "created_at")

  def search(q: String) = Action {
    val rows = db.withConnection { conn =>
      val stmt = conn.createStatement()
      val rs = stmt.executeQuery(s"SELECT id, name FROM item WHERE name LIKE '%$q%'") // vuln: CWE-89
      Iterator.continually(rs).takeWhile(_.next()).map(_.getString("name")).toList
    }
    Ok(Json.toJson(rows))
  }

  def searchSafe(q: String) = Action {
    val rows = db.withConnection { implicit conn =>
      SQL"SELECT name FROM item WHERE name LIKE ${"%" + q + "%"}".as(SqlParser.str("name").*) // safe: CWE-89
    }
    Ok(Json.toJson(rows))
  }

  def byBrand(brand: String) = Action {
    val rows = db.withConnection { implicit conn =>
      SQL("SELECT name FROM item WHERE brand = '" + brand + "'").as(SqlParser.str("name").*) // vuln: CWE-89
    }
    Ok(Json.toJson(rows))
  }

  def byBrandSafe(brand: String) = Action {
    val rows = db.withConnection { conn =>
      val ps = conn.prepareStatement("SELECT name FROM item WHERE brand = ?") // safe: CWE-89
      ps.setString(1, brand)
      val rs = ps.executeQuery()
      Iterator.continually(rs).takeWhile(_.next()).map(_.getString(1)).toList
    }
    Ok(Json.toJson(rows))
  }

  def sorted(sort: String) = Action {
    val column = if (sortable.contains(sort)) sort else "name"
    val rows = db.withConnection { implicit conn =>
      SQL(s"SELECT name FROM item ORDER BY $column").as(SqlParser.str("name").*) // safe: CWE-89
    }
    Ok(Json.toJson(rows))
  }

  def asset(name: String) = Action {
    Ok.sendFile(new File("/srv/catalog/assets/" + name)) // vuln: CWE-22
  }

  def assetSafe(name: String) = Action {
    val target = assetRoot.resolve(name).normalize()
    if (!target.startsWith(assetRoot)) NotFound
    else Ok.sendFile(target.toFile) // safe: CWE-22
  }

  def resize(id: Long, size: String) = Action {
    val exit = s"convert /srv/catalog/assets/$id.png -resize $size /tmp/$id.png".! // vuln: CWE-78
    Ok(exit.toString)
  }

  def resizeSafe(id: Long, size: Int) = Action {
    val exit = Seq("convert", s"/srv/catalog/assets/$id.png", "-resize", s"${size}x", s"/tmp/$id.png").! // safe: CWE-78
    Ok(exit.toString)
  }

  def importFeed = Action.async { request =>
    val url = request.getQueryString("feed").getOrElse("")
    ws.url(url).get().map(r => Ok(r.body)) // vuln: CWE-918
  }

  def importFixed = Action.async {
    ws.url("https://feeds.partner.example/catalog.json").get().map(r => Ok(r.body)) // safe: CWE-918
  }

  def title(t: String) = Action {
    Ok(Html(s"<h1>$t</h1>")) // vuln: CWE-79
  }

  def titleSafe(t: String) = Action {
    Ok(Html(s"<h1>${HtmlFormat.escape(t)}</h1>")) // safe: CWE-79
  }

  def back = Action { request =>
    Redirect(request.getQueryString("next").getOrElse("/")) // vuln: CWE-601
  }

  def home = Action {
    Redirect(routes.CatalogController.search("")) // safe: CWE-601
  }

  def audit = Action { request =>
    logger.info(s"catalog audit from ${request.getQueryString("user").getOrElse("?")}") // vuln: CWE-117
    NoContent
  }

  def download(name: String) = Action {
    Ok("data").withHeaders("Content-Disposition" -> s"attachment; filename=$name") // vuln: CWE-113
  }

  def login = Action {
    Ok("ok").withCookies(Cookie("session", java.util.UUID.randomUUID().toString, secure = false, httpOnly = false)) // vuln: CWE-614
  }

  def loginSafe = Action {
    Ok("ok").withCookies(Cookie("session", java.util.UUID.randomUUID().toString, secure = true, httpOnly = true)) // safe: CWE-614
  }

  private def digest(password: String): Array[Byte] =
    MessageDigest.getInstance("MD5").digest(password.getBytes("UTF-8")) // vuln: CWE-328

  private def strongDigest(body: Array[Byte]): Array[Byte] =
    MessageDigest.getInstance("SHA-256").digest(body) // safe: CWE-328
}
