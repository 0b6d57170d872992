package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var paperSizes = map[string]string{"a4": "A4", "letter": "Letter", "legal": "Legal"}

type Report struct {
	ID        string    `bson:"_id" json:"id"`
	Owner     string    `bson:"owner" json:"owner"`
	Title     string    `bson:"title" json:"title"`
	Kind      string    `bson:"kind" json:"kind"`
	CreatedAt time.Time `bson:"createdAt" json:"createdAt"`
}

type Server struct {
	Reports *mongo.Collection
	OutDir  string
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/reports", s.listReports)
	mux.HandleFunc("/reports/search", s.searchReports)
	mux.HandleFunc("/reports/render", s.renderPDF)
	mux.HandleFunc("/reports/render-legacy", s.renderLegacy)
	return mux
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (s *Server) find(ctx context.Context, filter bson.M) ([]Report, error) {
	cur, err := s.Reports.Find(ctx, filter, options.Find().SetLimit(200).SetSort(bson.D{{Key: "createdAt", Value: -1}}))
	if err != nil {
		return nil, err
	}
	var out []Report
	err = cur.All(ctx, &out)
	return out, err
}

func (s *Server) listReports(w http.ResponseWriter, r *http.Request) {
	owner := r.Header.Get("X-User-ID")
	kind := r.URL.Query().Get("kind")
	filter := bson.M{"owner": owner}
	if kind != "" {
		filter["kind"] = kind
	}
	reports, err := s.find(r.Context(), filter) // safe: CWE-943
	if err != nil {
		http.Error(w, "lookup failed", http.StatusInternalServerError)
		return
	}
	writeJSON(w, reports)
}

func (s *Server) searchReports(w http.ResponseWriter, r *http.Request) {
	owner := r.Header.Get("X-User-ID")
	title := r.URL.Query().Get("title")
	js := fmt.Sprintf("this.owner == '%s' && this.title.indexOf('%s') >= 0", owner, title)
	reports, err := s.find(r.Context(), bson.M{"$where": js}) // vuln: CWE-943
	if err != nil {
		http.Error(w, "search failed", http.StatusInternalServerError)
		return
	}
	writeJSON(w, reports)
}

type renderRequest struct {
	ReportID string `json:"reportId"`
	Paper    string `json:"paper"`
	Title    string `json:"title"`
}

func (s *Server) renderPDF(w http.ResponseWriter, r *http.Request) {
	var req renderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	id, err := uuid.Parse(req.ReportID)
	paper, ok := paperSizes[req.Paper]
	if err != nil || !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	src := filepath.Join(s.OutDir, id.String()+".html")
	dst := filepath.Join(s.OutDir, id.String()+".pdf")
	cmd := exec.CommandContext(r.Context(), "wkhtmltopdf", "--page-size", paper, "--title", req.Title, src, dst) // safe: CWE-78
	if out, err := cmd.CombinedOutput(); err != nil {
		http.Error(w, "render failed: "+string(out), http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]string{"pdf": id.String() + ".pdf"})
}

func (s *Server) renderLegacy(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	name := r.PostForm.Get("name")
	paper := r.PostForm.Get("paper")
	script := fmt.Sprintf("wkhtmltopdf --page-size %s %s/%s.html %s/%s.pdf", paper, s.OutDir, name, s.OutDir, name)
	cmd := exec.Command("/bin/sh", "-c", script) // vuln: CWE-78
	if err := cmd.Run(); err != nil {
		http.Error(w, "render failed", http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]string{"pdf": name + ".pdf"})
}
