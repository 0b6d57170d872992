package controllers

import java.io.{ByteArrayInputStream, File, ObjectInputStream}
import java.nio.file.{Files, Paths}
import java.security.{MessageDigest, SecureRandom}
import java.sql.Connection
import javax.inject.Inject
import javax.naming.directory.{InitialDirContext, SearchControls}
import javax.xml.parsers.SAXParserFactory

import scala.concurrent.{ExecutionContext, Future}
import scala.util.Random

import pdi.jwt.{Jwt, JwtAlgorithm, JwtOptions}
import play.api.Configuration
import play.api.db.Database
import play.api.libs.json.{JsValue, Json}
import play.api.libs.ws.WSClient
import play.api.mvc._
import play.filters.csrf.CSRF

class AccountsController @Inject() (
    cc: ControllerComponents,
    db: Database,
    ws: WSClient,
    config: Configuration
)(implicit ec: ExecutionContext)
    extends AbstractController(cc) {

  private val jwtSecret = "play-accounts-secret" // vuln: CWE-798
  private val jwtSecretConfigured = config.get[String]("accounts.jwt.secret") // safe: CWE-798
  private val statuses = Set("active", "locked", "invited")

  def find(email: String) = Action {
    val found = db.withConnection { conn =>
      conn.createStatement().executeQuery("SELECT id FROM account WHERE email = '" + email + "'").next() // vuln: CWE-89
    }
    Ok(found.toString)
  }

  def findSafe(email: String) = Action {
    val found = db.withConnection { conn =>
      val ps = conn.prepareStatement("SELECT id FROM account WHERE email = ?") // safe: CWE-89
      ps.setString(1, email)
      ps.executeQuery().next()
    }
    Ok(found.toString)
  }

  def byStatus(status: String) = Action {
    if (!statuses.contains(status)) BadRequest
    else {
      val n = db.withConnection { conn =>
        val rs = conn.createStatement().executeQuery(s"SELECT count(*) FROM account WHERE status = '$status'") // safe: CWE-89
        rs.next(); rs.getInt(1)
      }
      Ok(n.toString)
    }
  }

  def lock = Action { request =>
    val reason = request.body.asFormUrlEncoded.flatMap(_.get("reason").flatMap(_.headOption)).getOrElse("")
    db.withConnection(conn => conn.createStatement().executeUpdate(s"UPDATE account SET note = '$reason'")) // vuln: CWE-89
    NoContent
  }

  def directory(uid: String) = Action {
    val ctx = new InitialDirContext()
    val res = ctx.search("ou=people,dc=corp,dc=example", s"(uid=$uid)", new SearchControls()) // vuln: CWE-90
    Ok(res.hasMore.toString)
  }

  def importProfile = Action(parse.raw) { request =>
    val bytes = request.body.asBytes().map(_.toArray).getOrElse(Array.emptyByteArray)
    val spf = SAXParserFactory.newInstance() // vuln: CWE-611
    spf.newSAXParser().parse(new ByteArrayInputStream(bytes), new org.xml.sax.helpers.DefaultHandler())
    Ok("imported")
  }

  def restore = Action(parse.raw) { request =>
    val bytes = request.body.asBytes().map(_.toArray).getOrElse(Array.emptyByteArray)
    val state = new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject() // vuln: CWE-502
    Ok(state.toString)
  }

  def restoreJson = Action(parse.json) { request =>
    val state = request.body.as[Map[String, String]] // safe: CWE-502
    Ok(Json.toJson(state))
  }

  def avatar(name: String) = Action {
    Ok(Files.readAllBytes(Paths.get("/srv/avatars", name))) // vuln: CWE-22
  }

  def avatarSafe(name: String) = Action {
    Ok(Files.readAllBytes(Paths.get("/srv/avatars", new File(name).getName))) // safe: CWE-22
  }

  def webhook = Action.async { request =>
    val target = request.getQueryString("target").getOrElse("")
    ws.url(target).post(Json.obj("ok" -> true)).map(_ => NoContent) // vuln: CWE-918
  }

  def welcome(name: String) = Action {
    Ok(s"<p>Welcome $name</p>").as(HTML) // vuln: CWE-79
  }

  def welcomeView(name: String) = Action {
    Ok(views.html.welcome(name)) // safe: CWE-79
  }

  def continue(next: String) = Action {
    Redirect(next) // vuln: CWE-601
  }

  def continueSafe(next: String) = Action {
    if (next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) Redirect(next) else Redirect("/") // safe: CWE-601
  }

  def claims = Action { request =>
    val token = request.headers.get("Authorization").getOrElse("").stripPrefix("Bearer ")
    val decoded = Jwt.decode(token, JwtOptions(signature = false)) // vuln: CWE-347
    Ok(decoded.map(_.content).getOrElse(""))
  }

  def claimsVerified = Action { request =>
    val token = request.headers.get("Authorization").getOrElse("").stripPrefix("Bearer ")
    val decoded = Jwt.decode(token, jwtSecretConfigured, Seq(JwtAlgorithm.HS256)) // safe: CWE-347
    Ok(decoded.map(_.content).getOrElse(""))
  }

  def issue(user: String) = Action {
    Ok(Jwt.encode(s"""{"sub":"$user"}""", jwtSecret, JwtAlgorithm.HS256)) // vuln: CWE-798
  }

  def run(task: String) = Action {
    import scala.sys.process._
    val out = Seq("sh", "-c", s"account-task $task").!! // vuln: CWE-78
    Ok(out)
  }

  def header(lang: String) = Action {
    Ok("").withHeaders("Content-Language" -> lang) // vuln: CWE-113
  }

  def log(event: String) = Action {
    play.api.Logger("accounts").warn(s"account event: $event") // vuln: CWE-117
    NoContent
  }

  def token() = Action {
    Ok(Random.nextLong().toHexString) // vuln: CWE-330
  }

  def tokenSafe() = Action {
    val b = new Array[Byte](24)
    new SecureRandom().nextBytes(b) // safe: CWE-330
    Ok(java.util.Base64.getUrlEncoder.encodeToString(b))
  }

  def hash(pw: String): Array[Byte] = MessageDigest.getInstance("SHA-1").digest(pw.getBytes) // vuln: CWE-328

  def hashBody(b: Array[Byte]): Array[Byte] = MessageDigest.getInstance("SHA-512").digest(b) // safe: CWE-328
}
