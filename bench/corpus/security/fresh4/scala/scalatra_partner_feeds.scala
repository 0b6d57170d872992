package com.acme.partners

import java.io.{ByteArrayInputStream, InputStream, ObjectInputStream}
import java.util.Base64
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.{XPathConstants, XPathFactory}

import org.scalatra._
import org.slf4j.LoggerFactory
import org.w3c.dom.{Document, Element, NodeList}

final case class CartSnapshot(items: List[String], total: BigDecimal) extends Serializable
final case class FeedItem(sku: String, name: String, price: BigDecimal)

trait CatalogRepository {
  def upsert(partnerId: Long, items: Seq[FeedItem]): Int
  def latestFeed(partnerId: Long): Option[Array[Byte]]
  def updatePrices(partnerId: Long, prices: Map[String, BigDecimal]): Int
}

class PartnerFeedServlet(catalog: CatalogRepository) extends ScalatraServlet {
  private val log = LoggerFactory.getLogger(classOf[PartnerFeedServlet])

  private def hardenedFactory(): DocumentBuilderFactory = {
    val f = DocumentBuilderFactory.newInstance()
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
    f.setFeature("http://xml.org/sax/features/external-general-entities", false)
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false)
    f.setXIncludeAware(false)
    f.setExpandEntityReferences(false)
    f
  }

  private def items(doc: Document): Seq[FeedItem] = {
    val nodes = doc.getElementsByTagName("item")
    (0 until nodes.getLength).map { i =>
      val el = nodes.item(i).asInstanceOf[Element]
      FeedItem(el.getAttribute("sku"), el.getAttribute("name"), BigDecimal(el.getAttribute("price")))
    }
  }

  private def partnerId: Long =
    params.get("partnerId").flatMap(_.toLongOption).getOrElse(halt(400, "partnerId must be numeric"))

  post("/partners/:partnerId/feeds/catalog") {
    val body: InputStream = request.getInputStream
    val factory = DocumentBuilderFactory.newInstance()
    factory.setNamespaceAware(true)
    val doc = factory.newDocumentBuilder().parse(body) // vuln: CWE-611
    val count = catalog.upsert(partnerId, items(doc))
    log.info(s"catalog feed imported for partner $partnerId: $count items")
    Ok(s"""{"imported":$count}""")
  }

  post("/partners/:partnerId/feeds/pricing") {
    val doc = hardenedFactory().newDocumentBuilder().parse(request.getInputStream) // safe: CWE-611
    val prices = items(doc).map(i => i.sku -> i.price).toMap
    Ok(s"""{"updated":${catalog.updatePrices(partnerId, prices)}}""")
  }

  get("/partners/:partnerId/feeds/price") {
    contentType = "application/json"
    val sku = params.getOrElse("sku", halt(400, "sku required"))
    val feed = catalog.latestFeed(partnerId).getOrElse(halt(404, "no feed"))
    val doc = hardenedFactory().newDocumentBuilder().parse(new ByteArrayInputStream(feed))
    val xpath = XPathFactory.newInstance().newXPath()
    val expression = "/catalog/item[@sku='" + sku + "']/@price"
    val nodes = xpath.evaluate(expression, doc, XPathConstants.NODESET).asInstanceOf[NodeList] // vuln: CWE-643
    if (nodes.getLength == 0) NotFound("""{"error":"unknown sku"}""")
    else Ok(s"""{"price":${BigDecimal(nodes.item(0).getNodeValue)}}""")
  }

  post("/partners/:partnerId/cart/restore") {
    val encoded = params.getOrElse("snapshot", halt(400, "snapshot required"))
    val raw = Base64.getDecoder.decode(encoded)
    val snapshot = new ObjectInputStream(new ByteArrayInputStream(raw)).readObject().asInstanceOf[CartSnapshot] // vuln: CWE-502
    log.debug(s"restored cart for partner $partnerId with ${snapshot.items.size} items")
    contentType = "application/json"
    Ok(s"""{"items":${snapshot.items.size},"total":${snapshot.total}}""")
  }
}
