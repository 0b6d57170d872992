package com.acme.reports.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final java.nio.file.Path WORK_DIR = Paths.get("/var/lib/reports/work");
    private static final Set<String> FORMATS = Set.of("pdf", "csv", "xlsx");

    @Inject
    ReportRepository reports;

    @POST
    @Path("/definitions")
    @Consumes(MediaType.APPLICATION_XML)
    public Response importDefinition(InputStream body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(body); // vuln: CWE-611
        Element root = doc.getDocumentElement();
        long id = reports.saveDefinition(root.getAttribute("name"), root.getTextContent());
        return Response.status(Response.Status.CREATED).entity(new IdDto(id)).build();
    }

    @POST
    @Path("/templates")
    @Consumes(MediaType.APPLICATION_XML)
    public Response uploadTemplate(InputStream body) throws Exception {
        Document doc = hardenedBuilder().parse(body); // safe: CWE-611
        String name = doc.getDocumentElement().getAttribute("name");
        long id = reports.saveTemplate(name, doc);
        return Response.status(Response.Status.CREATED).entity(new IdDto(id)).build();
    }

    private static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setXIncludeAware(false);
        dbf.setExpandEntityReferences(false);
        return dbf.newDocumentBuilder();
    }

    @GET
    @Path("/{id}/render")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response render(@PathParam("id") long id, @QueryParam("format") String format)
            throws IOException, InterruptedException {
        String fmt = FORMATS.contains(format) ? format : "pdf";
        java.nio.file.Path src = WORK_DIR.resolve(id + ".json");
        java.nio.file.Path out = WORK_DIR.resolve(id + "." + fmt);
        Process p = new ProcessBuilder("/opt/reports/bin/render", "--format", fmt, src.toString(), out.toString()).redirectErrorStream(true).start(); // safe: CWE-78
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Response.status(Response.Status.GATEWAY_TIMEOUT).build();
        }
        return Response.ok(Files.newInputStream(out))
                .header("Content-Disposition", "attachment; filename=report-" + id + "." + fmt)
                .build();
    }

    @POST
    @Path("/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") long id, @FormParam("label") String label)
            throws IOException, InterruptedException {
        String archiveName = label == null || label.isEmpty() ? "report-" + id : label;
        String cmd = "tar czf /var/lib/reports/archive/" + archiveName + ".tgz -C " + WORK_DIR + " " + id + ".json";
        Process p = Runtime.getRuntime().exec(new String[] {"/bin/sh", "-c", cmd}); // vuln: CWE-78
        int rc = p.waitFor();
        return rc == 0 ? Response.noContent().build() : Response.serverError().build();
    }

    @POST
    @Path("/snapshots/restore")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response restoreSnapshot(InputStream body) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(body)) {
            ReportSnapshot snapshot = (ReportSnapshot) in.readObject(); // vuln: CWE-502
            long id = reports.restore(snapshot);
            return Response.ok(new IdDto(id)).build();
        }
    }

    public record IdDto(long id) {
    }
}
