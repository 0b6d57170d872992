# Listing queries for the story pages; each one narrows the shared base scope.
class StoryRepository
  def submitted_by(author)
    base_scope.where(user_id: author.id).order("stories.id DESC")
  end
end
