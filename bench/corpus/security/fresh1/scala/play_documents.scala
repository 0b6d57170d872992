package controllers

import java.io.{ByteArrayInputStream, ObjectInputStream}
import javax.inject.{Inject, Singleton}
import javax.xml.XMLConstants
import javax.xml.parsers.DocumentBuilderFactory

import scala.util.{Failure, Success, Try}

import org.w3c.dom.Document
import play.api.Logger
import play.api.libs.json.Json
import play.api.mvc._
import play.twirl.api.HtmlFormat

case class DraftSnapshot(title: String, body: String, version: Int) extends Serializable

@Singleton
class DocumentController @Inject() (cc: ControllerComponents) extends AbstractController(cc) {

  private val logger = Logger(this.getClass)

  private def parseUpload(bytes: Array[Byte]): Document = {
    val factory = DocumentBuilderFactory.newInstance()
    factory.setNamespaceAware(true)
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)) // vuln: CWE-611
  }

  private def parseHardened(bytes: Array[Byte]): Document = {
    val factory = DocumentBuilderFactory.newInstance()
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true)
    factory.setExpandEntityReferences(false)
    factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)) // safe: CWE-611
  }

  def importInvoiceXml = Action(parse.raw) { implicit request =>
    request.body.asBytes() match {
      case Some(bytes) =>
        val doc = parseUpload(bytes.toArray)
        val number = doc.getElementsByTagName("InvoiceNumber").item(0).getTextContent
        Ok(Json.obj("invoice" -> number))
      case None => BadRequest("empty body")
    }
  }

  def importCreditNoteXml = Action(parse.raw) { implicit request =>
    request.body.asBytes() match {
      case Some(bytes) =>
        val doc = parseHardened(bytes.toArray)
        Ok(Json.obj("lines" -> doc.getElementsByTagName("CreditNoteLine").getLength))
      case None => BadRequest("empty body")
    }
  }

  def restoreDraft = Action(parse.raw) { implicit request =>
    val bytes = request.body.asBytes().map(_.toArray).getOrElse(Array.emptyByteArray)
    val in = new ObjectInputStream(new ByteArrayInputStream(bytes))
    Try(in.readObject().asInstanceOf[DraftSnapshot]) match { // vuln: CWE-502
      case Success(draft) => Ok(Json.obj("title" -> draft.title, "version" -> draft.version))
      case Failure(e) =>
        logger.warn(s"Draft restore failed for ${request.headers.get("X-Document-Title").getOrElse("?")}", e) // vuln: CWE-117
        BadRequest("corrupt draft")
    }
  }

  def preview(title: String) = Action { implicit request =>
    val author = request.getQueryString("author").getOrElse("anonymous")
    val page =
      s"""<html><body>
         |<h1>${HtmlFormat.escape(title)}</h1>
         |<p class="byline">by $author</p>
         |</body></html>""".stripMargin
    Ok(page).as(HTML) // vuln: CWE-79
  }

  def sharedBanner = Action { implicit request =>
    val teamName = request.cookies.get("team_name").map(_.value).getOrElse("Ledgerly")
    val banner = HtmlFormat.escape(teamName).body
    Ok(s"<div class='banner'>Welcome to $banner</div>").as(HTML) // safe: CWE-79
  }
}
