package com.acme.catalog.feeds;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class SupplierFeedResource {

    private static final Logger log = LoggerFactory.getLogger(SupplierFeedResource.class);
    private static final Set<String> PARTNER_HOSTS = Set.of("feeds.acme-partners.com", "export.supplyhub.io");

    private final Client http = ClientBuilder.newClient();

    @Inject
    ProductImporter importer;

    @POST
    @Path("/upload")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    public Response upload(InputStream body, @HeaderParam("X-Supplier-Id") String supplierId) throws Exception {
        log.info("Feed upload received from supplier " + supplierId); // vuln: CWE-117
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setIgnoringComments(true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        Document doc = builder.parse(body); // vuln: CWE-611
        int imported = importer.importProducts(supplierId, readItems(doc));
        return Response.ok(new ImportResult(imported)).build();
    }

    @POST
    @Path("/pull")
    public Response pull(@QueryParam("source") String source, @QueryParam("supplier") String supplierId) throws Exception {
        URI uri = URI.create(source);
        if (!"https".equals(uri.getScheme()) || !PARTNER_HOSTS.contains(uri.getHost())) {
            return Response.status(Response.Status.BAD_REQUEST).entity("unknown feed host").build();
        }
        try (InputStream in = http.target(uri).request(MediaType.APPLICATION_XML).get(InputStream.class)) { // safe: CWE-918
            Document doc = hardenedBuilder().parse(in); // safe: CWE-611
            int imported = importer.importProducts(supplierId, readItems(doc));
            return Response.ok(new ImportResult(imported)).build();
        }
    }

    @GET
    @Path("/preview")
    @Produces(MediaType.APPLICATION_XML)
    public Response preview(@QueryParam("url") String feedUrl) {
        String target = feedUrl.endsWith(".xml") ? feedUrl : feedUrl + "/products.xml";
        String xml = http.target(target).request().get(String.class); // vuln: CWE-918
        return Response.ok(xml).build();
    }

    private static DocumentBuilder hardenedBuilder() throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder();
    }

    private static List<ProductRow> readItems(Document doc) {
        NodeList items = doc.getElementsByTagName("item");
        List<ProductRow> rows = new ArrayList<>(items.getLength());
        for (int i = 0; i < items.getLength(); i++) {
            Element e = (Element) items.item(i);
            rows.add(new ProductRow(text(e, "sku"), text(e, "title"), Long.parseLong(text(e, "priceCents"))));
        }
        return rows;
    }

    private static String text(Element parent, String tag) {
        Node n = parent.getElementsByTagName(tag).item(0);
        return n == null ? "" : n.getTextContent().trim();
    }

    public record ImportResult(int imported) {}

    public record ProductRow(String sku, String title, long priceCents) {}
}
