CREATE TYPE "public"."authoring_kind" AS ENUM('exercise', 'quiz');--> statement-breakpoint
CREATE TYPE "public"."regrade_status" AS ENUM('running', 'ready', 'accepted', 'discarded');--> statement-breakpoint
CREATE TABLE "authoring_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"kind" "authoring_kind" NOT NULL,
	"target_id" text,
	"files" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regrade_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"exercise_id" text NOT NULL,
	"exercise_version_id" uuid NOT NULL,
	"user_id" uuid,
	"status" "regrade_status" DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "grade_reports" ADD COLUMN "regrade_run_id" uuid;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "score_overrides" ADD COLUMN "comment" text;--> statement-breakpoint
ALTER TABLE "authoring_drafts" ADD CONSTRAINT "authoring_drafts_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authoring_drafts" ADD CONSTRAINT "authoring_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_exercise_version_id_exercise_versions_id_fk" FOREIGN KEY ("exercise_version_id") REFERENCES "public"."exercise_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regrade_runs" ADD CONSTRAINT "regrade_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "authoring_drafts_course_idx" ON "authoring_drafts" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "regrade_runs_course_idx" ON "regrade_runs" USING btree ("course_id","created_at");--> statement-breakpoint
ALTER TABLE "grade_reports" ADD CONSTRAINT "grade_reports_regrade_run_id_regrade_runs_id_fk" FOREIGN KEY ("regrade_run_id") REFERENCES "public"."regrade_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD CONSTRAINT "quiz_answers_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quiz_answers_review_idx" ON "quiz_answers" USING btree ("needs_review") WHERE "quiz_answers"."needs_review" and "quiz_answers"."manual_points" is null;--> statement-breakpoint
CREATE INDEX "submissions_item_created_idx" ON "submissions" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "submissions_status_idx" ON "submissions" USING btree ("status");