export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12.0.2"
  }
  public: {
    Tables: {
      acceptance_recommendations: {
        Row: {
          community_id: number | null
          community_name: string | null
          created_at: string
          created_by: string | null
          id: number
          reason: string
          round_id: number
          street_id: number
          total: number
          unit_id: number
          unit_kind: Database["public"]["Enums"]["unit_kind"]
          unit_name: string
        }
        Insert: {
          community_id?: number | null
          community_name?: string | null
          created_at?: string
          created_by?: string | null
          id?: never
          reason: string
          round_id: number
          street_id: number
          total: number
          unit_id: number
          unit_kind: Database["public"]["Enums"]["unit_kind"]
          unit_name: string
        }
        Update: {
          community_id?: number | null
          community_name?: string | null
          created_at?: string
          created_by?: string | null
          id?: never
          reason?: string
          round_id?: number
          street_id?: number
          total?: number
          unit_id?: number
          unit_kind?: Database["public"]["Enums"]["unit_kind"]
          unit_name?: string
        }
        Relationships: [
          {
            foreignKeyName: "acceptance_recommendations_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "acceptance_recommendations_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "acceptance_recommendations_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "acceptance_recommendations_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      application_rounds: {
        Row: {
          created_at: string
          event_id: number
          instance_id: number
          reviewer_total: number | null
          round_id: number
          self_total: number | null
        }
        Insert: {
          created_at?: string
          event_id: number
          instance_id: number
          reviewer_total?: number | null
          round_id: number
          self_total?: number | null
        }
        Update: {
          created_at?: string
          event_id?: number
          instance_id?: number
          reviewer_total?: number | null
          round_id?: number
          self_total?: number | null
        }
        Relationships: [
          {
            foreignKeyName: "application_rounds_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "workflow_events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "application_rounds_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "application_rounds_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_leaders: {
        Row: {
          campaign_id: number
          id: number
          person_name: string
          position: Database["public"]["Enums"]["leader_position"]
          sort: number
          street_id: number
          title: string | null
        }
        Insert: {
          campaign_id: number
          id?: never
          person_name: string
          position: Database["public"]["Enums"]["leader_position"]
          sort?: number
          street_id: number
          title?: string | null
        }
        Update: {
          campaign_id?: number
          id?: never
          person_name?: string
          position?: Database["public"]["Enums"]["leader_position"]
          sort?: number
          street_id?: number
          title?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "campaign_leaders_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_member_offices: {
        Row: {
          campaign_id: number
          id: number
          name: string
          street_id: number
        }
        Insert: {
          campaign_id: number
          id?: never
          name: string
          street_id: number
        }
        Update: {
          campaign_id?: number
          id?: never
          name?: string
          street_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "campaign_member_offices_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_phases: {
        Row: {
          campaign_id: number
          ends_on: string | null
          phase: Database["public"]["Enums"]["campaign_phase"]
          starts_on: string
          street_id: number
        }
        Insert: {
          campaign_id: number
          ends_on?: string | null
          phase: Database["public"]["Enums"]["campaign_phase"]
          starts_on: string
          street_id: number
        }
        Update: {
          campaign_id?: number
          ends_on?: string | null
          phase?: Database["public"]["Enums"]["campaign_phase"]
          starts_on?: string
          street_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "campaign_phases_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      campaign_targets: {
        Row: {
          campaign_id: number
          count: number | null
          created_at: string
          due_on: string
          grade: string
          id: number
          note: string | null
          share: number | null
          street_id: number
          unit_kind: Database["public"]["Enums"]["unit_kind"]
          updated_at: string
        }
        Insert: {
          campaign_id: number
          count?: number | null
          created_at?: string
          due_on: string
          grade: string
          id?: never
          note?: string | null
          share?: number | null
          street_id: number
          unit_kind: Database["public"]["Enums"]["unit_kind"]
          updated_at?: string
        }
        Update: {
          campaign_id?: number
          count?: number | null
          created_at?: string
          due_on?: string
          grade?: string
          id?: never
          note?: string | null
          share?: number | null
          street_id?: number
          unit_kind?: Database["public"]["Enums"]["unit_kind"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaign_targets_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      campaigns: {
        Row: {
          created_at: string
          end_year: number
          filing_closes_on: string
          filing_opens_on: string
          id: number
          instance_id: number | null
          name: string
          start_year: number
          street_id: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          end_year: number
          filing_closes_on: string
          filing_opens_on: string
          id?: never
          instance_id?: number | null
          name: string
          start_year: number
          street_id: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          end_year?: number
          filing_closes_on?: string
          filing_opens_on?: string
          id?: never
          instance_id?: number | null
          name?: string
          start_year?: number
          street_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "campaigns_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: true
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "campaigns_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      grid_assessment_results: {
        Row: {
          avg_days: number | null
          basically: number
          community_id: number | null
          found: number
          handled: number
          id: number
          month: string
          on_time: number
          parent_name: string
          published_at: string
          published_by: string | null
          rank: number | null
          satisfied: number
          score: number | null
          street_id: number
          subject_id: string
          subject_kind: string
          subject_name: string
          unit_id: number
          unsatisfied: number
          weights: Json
        }
        Insert: {
          avg_days?: number | null
          basically?: number
          community_id?: number | null
          found?: number
          handled?: number
          id?: number
          month: string
          on_time?: number
          parent_name?: string
          published_at?: string
          published_by?: string | null
          rank?: number | null
          satisfied?: number
          score?: number | null
          street_id: number
          subject_id: string
          subject_kind: string
          subject_name: string
          unit_id: number
          unsatisfied?: number
          weights?: Json
        }
        Update: {
          avg_days?: number | null
          basically?: number
          community_id?: number | null
          found?: number
          handled?: number
          id?: number
          month?: string
          on_time?: number
          parent_name?: string
          published_at?: string
          published_by?: string | null
          rank?: number | null
          satisfied?: number
          score?: number | null
          street_id?: number
          subject_id?: string
          subject_kind?: string
          subject_name?: string
          unit_id?: number
          unsatisfied?: number
          weights?: Json
        }
        Relationships: [
          {
            foreignKeyName: "grid_assessment_results_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_assessment_results_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_assessment_results_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      grid_assessment_weights: {
        Row: {
          community_id: number | null
          found: number
          id: number
          on_time: number
          satisfaction: number
          street_id: number
          unit_id: number
        }
        Insert: {
          community_id?: number | null
          found: number
          id?: number
          on_time: number
          satisfaction: number
          street_id: number
          unit_id: number
        }
        Update: {
          community_id?: number | null
          found?: number
          id?: number
          on_time?: number
          satisfaction?: number
          street_id?: number
          unit_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "grid_assessment_weights_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_assessment_weights_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_assessment_weights_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      grid_deadline_rules: {
        Row: {
          community_id: number | null
          days: number
          id: number
          state: string
          street_id: number
          unit_id: number
          urgency: string
        }
        Insert: {
          community_id?: number | null
          days: number
          id?: number
          state: string
          street_id: number
          unit_id: number
          urgency: string
        }
        Update: {
          community_id?: number | null
          days?: number
          id?: number
          state?: string
          street_id?: number
          unit_id?: number
          urgency?: string
        }
        Relationships: [
          {
            foreignKeyName: "grid_deadline_rules_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_deadline_rules_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_deadline_rules_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      grid_household_changes: {
        Row: {
          changed_at: string
          changed_by: string | null
          changes: Json
          community_id: number | null
          grid_path: number[]
          household_id: number
          id: number
          op: string
          street_id: number
        }
        Insert: {
          changed_at?: string
          changed_by?: string | null
          changes: Json
          community_id?: number | null
          grid_path: number[]
          household_id: number
          id?: number
          op: string
          street_id: number
        }
        Update: {
          changed_at?: string
          changed_by?: string | null
          changes?: Json
          community_id?: number | null
          grid_path?: number[]
          household_id?: number
          id?: number
          op?: string
          street_id?: number
        }
        Relationships: []
      }
      grid_households: {
        Row: {
          building: string
          community_id: number | null
          compound: string
          contact_name: string
          contact_phone: string | null
          contact_phone_masked: string | null
          grid_path: number[]
          id: number
          note: string
          room: string
          size: number
          street_id: number
          tags: string[]
          unit_id: number
          unit_no: string
          updated_at: string
          updated_by: string | null
        }
        Insert: {
          building?: string
          community_id?: number | null
          compound: string
          contact_name?: string
          contact_phone?: string | null
          contact_phone_masked?: string | null
          grid_path?: number[]
          id?: number
          note?: string
          room?: string
          size: number
          street_id: number
          tags?: string[]
          unit_id: number
          unit_no?: string
          updated_at?: string
          updated_by?: string | null
        }
        Update: {
          building?: string
          community_id?: number | null
          compound?: string
          contact_name?: string
          contact_phone?: string | null
          contact_phone_masked?: string | null
          grid_path?: number[]
          id?: number
          note?: string
          room?: string
          size?: number
          street_id?: number
          tags?: string[]
          unit_id?: number
          unit_no?: string
          updated_at?: string
          updated_by?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "grid_households_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_households_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_households_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      grid_lists: {
        Row: {
          community_id: number | null
          id: number
          label: string
          list: string
          position: number
          street_id: number
          unit_id: number
        }
        Insert: {
          community_id?: number | null
          id?: number
          label: string
          list: string
          position?: number
          street_id: number
          unit_id: number
        }
        Update: {
          community_id?: number | null
          id?: number
          label?: string
          list?: string
          position?: number
          street_id?: number
          unit_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "grid_lists_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_lists_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "grid_lists_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      key_task_leads: {
        Row: {
          office_id: number
          sort: number
          street_id: number
          task_id: number
        }
        Insert: {
          office_id: number
          sort?: number
          street_id: number
          task_id: number
        }
        Update: {
          office_id?: number
          sort?: number
          street_id?: number
          task_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "key_task_leads_office_fkey"
            columns: ["office_id"]
            isOneToOne: false
            referencedRelation: "campaign_member_offices"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "key_task_leads_task_id_fkey"
            columns: ["task_id"]
            isOneToOne: false
            referencedRelation: "key_tasks"
            referencedColumns: ["id"]
          },
        ]
      }
      key_task_reports: {
        Row: {
          created_at: string
          id: number
          note: string
          period: string | null
          reported_by: string | null
          street_id: number
          task_id: number
        }
        Insert: {
          created_at?: string
          id?: never
          note: string
          period?: string | null
          reported_by?: string | null
          street_id: number
          task_id: number
        }
        Update: {
          created_at?: string
          id?: never
          note?: string
          period?: string | null
          reported_by?: string | null
          street_id?: number
          task_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "key_task_reports_reporter_fkey"
            columns: ["reported_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "key_task_reports_task_id_fkey"
            columns: ["task_id"]
            isOneToOne: false
            referencedRelation: "key_tasks"
            referencedColumns: ["id"]
          },
        ]
      }
      key_tasks: {
        Row: {
          action: Database["public"]["Enums"]["key_task_action"]
          all_year: boolean
          cadence: Database["public"]["Enums"]["key_task_cadence"] | null
          campaign_id: number
          content: string
          created_at: string
          deadline: string | null
          id: number
          number: number
          status: Database["public"]["Enums"]["key_task_status"]
          street_id: number
          updated_at: string
          year_starts_on: string
        }
        Insert: {
          action: Database["public"]["Enums"]["key_task_action"]
          all_year?: boolean
          cadence?: Database["public"]["Enums"]["key_task_cadence"] | null
          campaign_id: number
          content: string
          created_at?: string
          deadline?: string | null
          id?: never
          number: number
          status?: Database["public"]["Enums"]["key_task_status"]
          street_id: number
          updated_at?: string
          year_starts_on: string
        }
        Update: {
          action?: Database["public"]["Enums"]["key_task_action"]
          all_year?: boolean
          cadence?: Database["public"]["Enums"]["key_task_cadence"] | null
          campaign_id?: number
          content?: string
          created_at?: string
          deadline?: string | null
          id?: never
          number?: number
          status?: Database["public"]["Enums"]["key_task_status"]
          street_id?: number
          updated_at?: string
          year_starts_on?: string
        }
        Relationships: [
          {
            foreignKeyName: "key_tasks_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      member_invitations: {
        Row: {
          community_id: number | null
          created_at: string
          decided_at: string | null
          email: string
          full_name: string
          id: number
          invited_by: string | null
          membership_id: number | null
          role: Database["public"]["Enums"]["member_role"]
          status: string
          street_id: number
          unit_id: number
        }
        Insert: {
          community_id?: number | null
          created_at?: string
          decided_at?: string | null
          email: string
          full_name: string
          id?: never
          invited_by?: string | null
          membership_id?: number | null
          role: Database["public"]["Enums"]["member_role"]
          status?: string
          street_id: number
          unit_id: number
        }
        Update: {
          community_id?: number | null
          created_at?: string
          decided_at?: string | null
          email?: string
          full_name?: string
          id?: never
          invited_by?: string | null
          membership_id?: number | null
          role?: Database["public"]["Enums"]["member_role"]
          status?: string
          street_id?: number
          unit_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "member_invitations_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_invitations_membership_id_fkey"
            columns: ["membership_id"]
            isOneToOne: false
            referencedRelation: "memberships"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_invitations_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      memberships: {
        Row: {
          community_id: number | null
          created_at: string
          created_by: string | null
          id: number
          role: Database["public"]["Enums"]["member_role"]
          street_id: number
          unit_id: number
          user_id: string
        }
        Insert: {
          community_id?: number | null
          created_at?: string
          created_by?: string | null
          id?: number
          role: Database["public"]["Enums"]["member_role"]
          street_id: number
          unit_id: number
          user_id: string
        }
        Update: {
          community_id?: number | null
          created_at?: string
          created_by?: string | null
          id?: number
          role?: Database["public"]["Enums"]["member_role"]
          street_id?: number
          unit_id?: number
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "memberships_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_profile_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "memberships_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          disabled: boolean
          email: string
          full_name: string | null
          id: string
          must_change_password: boolean
          street_ids: number[]
          updated_at: string
        }
        Insert: {
          created_at?: string
          disabled?: boolean
          email: string
          full_name?: string | null
          id: string
          must_change_password?: boolean
          street_ids?: number[]
          updated_at?: string
        }
        Update: {
          created_at?: string
          disabled?: boolean
          email?: string
          full_name?: string | null
          id?: string
          must_change_password?: boolean
          street_ids?: number[]
          updated_at?: string
        }
        Relationships: []
      }
      rectifications: {
        Row: {
          closed_at: string | null
          closed_round_id: number | null
          community_id: number | null
          deadline: string
          found_grade: string | null
          held_grade: string
          id: number
          round_id: number
          status: string
          street_id: number
          unit_id: number
        }
        Insert: {
          closed_at?: string | null
          closed_round_id?: number | null
          community_id?: number | null
          deadline: string
          found_grade?: string | null
          held_grade: string
          id?: never
          round_id: number
          status?: string
          street_id: number
          unit_id: number
        }
        Update: {
          closed_at?: string | null
          closed_round_id?: number | null
          community_id?: number | null
          deadline?: string
          found_grade?: string | null
          held_grade?: string
          id?: never
          round_id?: number
          status?: string
          street_id?: number
          unit_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "rectifications_closed_round_id_fkey"
            columns: ["closed_round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "rectifications_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "rectifications_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      score_entries: {
        Row: {
          community_id: number | null
          id: number
          note: string | null
          round_id: number
          score: number
          scorer_id: string
          scorer_role: string
          street_id: number
          subitem_id: number
          unit_id: number
          updated_at: string
        }
        Insert: {
          community_id?: number | null
          id?: never
          note?: string | null
          round_id: number
          score: number
          scorer_id?: string
          scorer_role: string
          street_id: number
          subitem_id: number
          unit_id: number
          updated_at?: string
        }
        Update: {
          community_id?: number | null
          id?: never
          note?: string | null
          round_id?: number
          score?: number
          scorer_id?: string
          scorer_role?: string
          street_id?: number
          subitem_id?: number
          unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "score_entries_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "score_entries_subitem_id_fkey"
            columns: ["subitem_id"]
            isOneToOne: false
            referencedRelation: "standard_subitems"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "score_entries_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      score_means: {
        Row: {
          round_id: number
          score_count: number
          score_sum: number
          subitem_id: number
          unit_id: number
        }
        Insert: {
          round_id: number
          score_count: number
          score_sum: number
          subitem_id: number
          unit_id: number
        }
        Update: {
          round_id?: number
          score_count?: number
          score_sum?: number
          subitem_id?: number
          unit_id?: number
        }
        Relationships: []
      }
      score_rounds: {
        Row: {
          campaign_id: number
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["round_kind"]
          published_at: string | null
          street_id: number
          version_id: number
          year: number
        }
        Insert: {
          campaign_id: number
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["round_kind"]
          published_at?: string | null
          street_id: number
          version_id: number
          year: number
        }
        Update: {
          campaign_id?: number
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["round_kind"]
          published_at?: string | null
          street_id?: number
          version_id?: number
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "score_rounds_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "score_rounds_version_id_fkey"
            columns: ["version_id"]
            isOneToOne: false
            referencedRelation: "standard_versions"
            referencedColumns: ["id"]
          },
        ]
      }
      standard_items: {
        Row: {
          goal: string
          id: number
          level: Database["public"]["Enums"]["unit_kind"]
          number: number
          street_id: number
          version_id: number
        }
        Insert: {
          goal: string
          id?: never
          level: Database["public"]["Enums"]["unit_kind"]
          number: number
          street_id: number
          version_id: number
        }
        Update: {
          goal?: string
          id?: never
          level?: Database["public"]["Enums"]["unit_kind"]
          number?: number
          street_id?: number
          version_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "standard_items_version_id_fkey"
            columns: ["version_id"]
            isOneToOne: false
            referencedRelation: "standard_versions"
            referencedColumns: ["id"]
          },
        ]
      }
      standard_subitems: {
        Row: {
          content: string
          id: number
          item_id: number
          points: number
          sort: number
          street_id: number
          version_id: number
        }
        Insert: {
          content: string
          id?: never
          item_id: number
          points: number
          sort?: number
          street_id: number
          version_id: number
        }
        Update: {
          content?: string
          id?: never
          item_id?: number
          points?: number
          sort?: number
          street_id?: number
          version_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "standard_subitems_item_id_fkey"
            columns: ["item_id"]
            isOneToOne: false
            referencedRelation: "standard_items"
            referencedColumns: ["id"]
          },
        ]
      }
      standard_versions: {
        Row: {
          campaign_id: number
          created_at: string
          id: number
          published_at: string | null
          status: Database["public"]["Enums"]["standard_status"]
          street_id: number
          year: number
        }
        Insert: {
          campaign_id: number
          created_at?: string
          id?: never
          published_at?: string | null
          status?: Database["public"]["Enums"]["standard_status"]
          street_id: number
          year: number
        }
        Update: {
          campaign_id?: number
          created_at?: string
          id?: never
          published_at?: string | null
          status?: Database["public"]["Enums"]["standard_status"]
          street_id?: number
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "standard_versions_campaign_id_fkey"
            columns: ["campaign_id"]
            isOneToOne: false
            referencedRelation: "campaigns"
            referencedColumns: ["id"]
          },
        ]
      }
      standard_vetoes: {
        Row: {
          content: string
          id: number
          level: Database["public"]["Enums"]["unit_kind"]
          street_id: number
          version_id: number
        }
        Insert: {
          content: string
          id?: never
          level: Database["public"]["Enums"]["unit_kind"]
          street_id: number
          version_id: number
        }
        Update: {
          content?: string
          id?: never
          level?: Database["public"]["Enums"]["unit_kind"]
          street_id?: number
          version_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "standard_vetoes_version_id_fkey"
            columns: ["version_id"]
            isOneToOne: false
            referencedRelation: "standard_versions"
            referencedColumns: ["id"]
          },
        ]
      }
      street_seals: {
        Row: {
          image: string
          street_id: number
          updated_at: string
        }
        Insert: {
          image: string
          street_id: number
          updated_at?: string
        }
        Update: {
          image?: string
          street_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "street_seals_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: true
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      unit_grades: {
        Row: {
          community_id: number | null
          computed_at: string
          demonstration: boolean
          kind: Database["public"]["Enums"]["unit_kind"]
          parts: number | null
          parts_demo: number | null
          parts_standard: number | null
          reasons: string[]
          round_id: number
          standard: boolean
          street_id: number
          total: number
          unit_id: number
        }
        Insert: {
          community_id?: number | null
          computed_at?: string
          demonstration: boolean
          kind: Database["public"]["Enums"]["unit_kind"]
          parts?: number | null
          parts_demo?: number | null
          parts_standard?: number | null
          reasons?: string[]
          round_id: number
          standard: boolean
          street_id: number
          total: number
          unit_id: number
        }
        Update: {
          community_id?: number | null
          computed_at?: string
          demonstration?: boolean
          kind?: Database["public"]["Enums"]["unit_kind"]
          parts?: number | null
          parts_demo?: number | null
          parts_standard?: number | null
          reasons?: string[]
          round_id?: number
          standard?: boolean
          street_id?: number
          total?: number
          unit_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "unit_grades_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "unit_grades_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      unit_standings: {
        Row: {
          community_id: number | null
          grade: string
          round_id: number
          street_id: number
          unit_id: number
          updated_at: string
        }
        Insert: {
          community_id?: number | null
          grade: string
          round_id: number
          street_id: number
          unit_id: number
          updated_at?: string
        }
        Update: {
          community_id?: number | null
          grade?: string
          round_id?: number
          street_id?: number
          unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "unit_standings_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "unit_standings_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: true
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      unit_totals: {
        Row: {
          round_id: number
          total: number
          unit_id: number
        }
        Insert: {
          round_id: number
          total: number
          unit_id: number
        }
        Update: {
          round_id?: number
          total?: number
          unit_id?: number
        }
        Relationships: []
      }
      units: {
        Row: {
          address: string | null
          community_id: number | null
          created_at: string
          district_id: number | null
          id: number
          kind: Database["public"]["Enums"]["unit_kind"]
          name: string
          parent_id: number | null
          street_id: number
          unit_path: number[]
          updated_at: string
        }
        Insert: {
          address?: string | null
          community_id?: number | null
          created_at?: string
          district_id?: number | null
          id?: number
          kind: Database["public"]["Enums"]["unit_kind"]
          name: string
          parent_id?: number | null
          street_id: number
          unit_path?: number[]
          updated_at?: string
        }
        Update: {
          address?: string | null
          community_id?: number | null
          created_at?: string
          district_id?: number | null
          id?: number
          kind?: Database["public"]["Enums"]["unit_kind"]
          name?: string
          parent_id?: number | null
          street_id?: number
          unit_path?: number[]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "units_community_id_fkey"
            columns: ["community_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "units_district_id_fkey"
            columns: ["district_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "units_parent_id_fkey"
            columns: ["parent_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "units_street_id_fkey"
            columns: ["street_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
        ]
      }
      veto_findings: {
        Row: {
          community_id: number | null
          found: boolean
          found_by: string | null
          note: string | null
          round_id: number
          street_id: number
          unit_id: number
          veto_id: number
        }
        Insert: {
          community_id?: number | null
          found: boolean
          found_by?: string | null
          note?: string | null
          round_id: number
          street_id: number
          unit_id: number
          veto_id: number
        }
        Update: {
          community_id?: number | null
          found?: boolean
          found_by?: string | null
          note?: string | null
          round_id?: number
          street_id?: number
          unit_id?: number
          veto_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "veto_findings_round_id_fkey"
            columns: ["round_id"]
            isOneToOne: false
            referencedRelation: "score_rounds"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "veto_findings_unit_id_fkey"
            columns: ["unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "veto_findings_veto_id_fkey"
            columns: ["veto_id"]
            isOneToOne: false
            referencedRelation: "standard_vetoes"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_assignments: {
        Row: {
          created_at: string
          delegated_by: string | null
          ended_at: string | null
          ended_event_id: number | null
          event_id: number
          id: number
          instance_id: number
          kind: string
          state: string
          user_id: string
        }
        Insert: {
          created_at?: string
          delegated_by?: string | null
          ended_at?: string | null
          ended_event_id?: number | null
          event_id: number
          id?: never
          instance_id: number
          kind: string
          state: string
          user_id: string
        }
        Update: {
          created_at?: string
          delegated_by?: string | null
          ended_at?: string | null
          ended_event_id?: number | null
          event_id?: number
          id?: never
          instance_id?: number
          kind?: string
          state?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_assignments_ended_event_id_fkey"
            columns: ["ended_event_id"]
            isOneToOne: false
            referencedRelation: "workflow_events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_assignments_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "workflow_events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_assignments_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_cc_rules: {
        Row: {
          event: string
          pick: boolean
          roles: string[]
          version: number
          workflow: string
        }
        Insert: {
          event: string
          pick?: boolean
          roles?: string[]
          version: number
          workflow: string
        }
        Update: {
          event?: string
          pick?: boolean
          roles?: string[]
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_cc_rules_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
      workflow_countersign_rules: {
        Row: {
          add_signers: boolean
          approve_events: string[]
          reject_by: string
          reject_events: string[]
          rule: string
          share: number | null
          state: string
          version: number
          workflow: string
        }
        Insert: {
          add_signers?: boolean
          approve_events: string[]
          reject_by?: string
          reject_events?: string[]
          rule: string
          share?: number | null
          state: string
          version: number
          workflow: string
        }
        Update: {
          add_signers?: boolean
          approve_events?: string[]
          reject_by?: string
          reject_events?: string[]
          rule?: string
          share?: number | null
          state?: string
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_countersign_rules_workflow_version_state_fkey"
            columns: ["workflow", "version", "state"]
            isOneToOne: true
            referencedRelation: "workflow_state_options"
            referencedColumns: ["workflow", "version", "state"]
          },
        ]
      }
      workflow_deadlines: {
        Row: {
          due_after: string | null
          due_fact: string[] | null
          escalate_roles: string[]
          fire_event: string | null
          remind_before: string | null
          remind_roles: string[]
          repeat_every: string | null
          state: string
          urge_every: string
          version: number
          workflow: string
        }
        Insert: {
          due_after?: string | null
          due_fact?: string[] | null
          escalate_roles?: string[]
          fire_event?: string | null
          remind_before?: string | null
          remind_roles: string[]
          repeat_every?: string | null
          state: string
          urge_every?: string
          version: number
          workflow: string
        }
        Update: {
          due_after?: string | null
          due_fact?: string[] | null
          escalate_roles?: string[]
          fire_event?: string | null
          remind_before?: string | null
          remind_roles?: string[]
          repeat_every?: string | null
          state?: string
          urge_every?: string
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_deadlines_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
      workflow_definitions: {
        Row: {
          created_at: string
          form_editable_states: string[]
          form_editor_roles: string[]
          form_schema: Json
          has_facts: boolean
          has_form_check: boolean
          initial_state: string
          start_roles: string[]
          states: Json
          subject_kinds: string[]
          version: number
          workflow: string
        }
        Insert: {
          created_at?: string
          form_editable_states: string[]
          form_editor_roles: string[]
          form_schema: Json
          has_facts?: boolean
          has_form_check?: boolean
          initial_state: string
          start_roles: string[]
          states: Json
          subject_kinds: string[]
          version: number
          workflow: string
        }
        Update: {
          created_at?: string
          form_editable_states?: string[]
          form_editor_roles?: string[]
          form_schema?: Json
          has_facts?: boolean
          has_form_check?: boolean
          initial_state?: string
          start_roles?: string[]
          states?: Json
          subject_kinds?: string[]
          version?: number
          workflow?: string
        }
        Relationships: []
      }
      workflow_event_types: {
        Row: {
          event: string
          payload_schema: Json
          version: number
          workflow: string
        }
        Insert: {
          event: string
          payload_schema: Json
          version: number
          workflow: string
        }
        Update: {
          event?: string
          payload_schema?: Json
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_event_types_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
      workflow_events: {
        Row: {
          actor_id: string | null
          actor_roles: string[]
          comment: string | null
          community_id: number | null
          created_at: string
          event: string
          from_state: string | null
          id: number
          instance_id: number
          payload: Json
          street_id: number
          to_state: string
          version: number
          workflow: string
        }
        Insert: {
          actor_id?: string | null
          actor_roles?: string[]
          comment?: string | null
          community_id?: number | null
          created_at?: string
          event: string
          from_state?: string | null
          id?: never
          instance_id: number
          payload?: Json
          street_id: number
          to_state: string
          version: number
          workflow: string
        }
        Update: {
          actor_id?: string | null
          actor_roles?: string[]
          comment?: string | null
          community_id?: number | null
          created_at?: string
          event?: string
          from_state?: string | null
          id?: never
          instance_id?: number
          payload?: Json
          street_id?: number
          to_state?: string
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_events_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_instances: {
        Row: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        Insert: {
          community_id?: number | null
          created_at?: string
          created_by?: string | null
          done?: boolean
          entered_at?: string
          form?: Json
          form_revision?: number
          form_saved_at?: string | null
          id?: never
          revision?: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path?: number[]
          updated_at?: string
          version: number
          workflow: string
        }
        Update: {
          community_id?: number | null
          created_at?: string
          created_by?: string | null
          done?: boolean
          entered_at?: string
          form?: Json
          form_revision?: number
          form_saved_at?: string | null
          id?: never
          revision?: number
          state?: string
          street_id?: number
          subject_unit_id?: number
          unit_path?: number[]
          updated_at?: string
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_instances_subject_unit_id_fkey"
            columns: ["subject_unit_id"]
            isOneToOne: false
            referencedRelation: "units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_instances_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
      workflow_messages: {
        Row: {
          comment: string | null
          created_at: string
          deadline_at: string | null
          event_id: number | null
          id: number
          instance_count: number | null
          instance_id: number | null
          instance_ids: number[] | null
          kind: string
          read_at: string | null
          recipient_id: string
          sender_id: string | null
          sent_at: string | null
          state: string
          timer_id: number | null
          workflow: string | null
        }
        Insert: {
          comment?: string | null
          created_at?: string
          deadline_at?: string | null
          event_id?: number | null
          id?: never
          instance_count?: number | null
          instance_id?: number | null
          instance_ids?: number[] | null
          kind: string
          read_at?: string | null
          recipient_id: string
          sender_id?: string | null
          sent_at?: string | null
          state: string
          timer_id?: number | null
          workflow?: string | null
        }
        Update: {
          comment?: string | null
          created_at?: string
          deadline_at?: string | null
          event_id?: number | null
          id?: never
          instance_count?: number | null
          instance_id?: number | null
          instance_ids?: number[] | null
          kind?: string
          read_at?: string | null
          recipient_id?: string
          sender_id?: string | null
          sent_at?: string | null
          state?: string
          timer_id?: number | null
          workflow?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "workflow_messages_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_snapshots: {
        Row: {
          community_id: number | null
          created_at: string
          event_id: number
          form: Json
          id: number
          instance_id: number
          street_id: number
        }
        Insert: {
          community_id?: number | null
          created_at?: string
          event_id: number
          form: Json
          id?: never
          instance_id: number
          street_id: number
        }
        Update: {
          community_id?: number | null
          created_at?: string
          event_id?: number
          form?: Json
          id?: never
          instance_id?: number
          street_id?: number
        }
        Relationships: [
          {
            foreignKeyName: "workflow_snapshots_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "workflow_events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_snapshots_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_state_options: {
        Row: {
          assign_multiple: boolean
          assign_required: boolean
          assign_roles: string[] | null
          return_to_any: boolean
          state: string
          version: number
          workflow: string
        }
        Insert: {
          assign_multiple?: boolean
          assign_required?: boolean
          assign_roles?: string[] | null
          return_to_any?: boolean
          state: string
          version: number
          workflow: string
        }
        Update: {
          assign_multiple?: boolean
          assign_required?: boolean
          assign_roles?: string[] | null
          return_to_any?: boolean
          state?: string
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_state_options_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
      workflow_timers: {
        Row: {
          cancelled_at: string | null
          created_at: string
          deadline_at: string
          done_at: string | null
          due_at: string
          entered_event_id: number
          id: number
          instance_id: number
          kind: string
          state: string
        }
        Insert: {
          cancelled_at?: string | null
          created_at?: string
          deadline_at: string
          done_at?: string | null
          due_at: string
          entered_event_id: number
          id?: never
          instance_id: number
          kind: string
          state: string
        }
        Update: {
          cancelled_at?: string | null
          created_at?: string
          deadline_at?: string
          done_at?: string | null
          due_at?: string
          entered_event_id?: number
          id?: never
          instance_id?: number
          kind?: string
          state?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_timers_entered_event_id_fkey"
            columns: ["entered_event_id"]
            isOneToOne: false
            referencedRelation: "workflow_events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workflow_timers_instance_id_fkey"
            columns: ["instance_id"]
            isOneToOne: false
            referencedRelation: "workflow_instances"
            referencedColumns: ["id"]
          },
        ]
      }
      workflow_transitions: {
        Row: {
          actions: string[]
          depth: number
          event: string
          from_state: string
          guard: Json | null
          priority: number
          roles: string[]
          to_state: string | null
          version: number
          workflow: string
        }
        Insert: {
          actions?: string[]
          depth: number
          event: string
          from_state: string
          guard?: Json | null
          priority: number
          roles: string[]
          to_state?: string | null
          version: number
          workflow: string
        }
        Update: {
          actions?: string[]
          depth?: number
          event?: string
          from_state?: string
          guard?: Json | null
          priority?: number
          roles?: string[]
          to_state?: string | null
          version?: number
          workflow?: string
        }
        Relationships: [
          {
            foreignKeyName: "workflow_transitions_workflow_version_fkey"
            columns: ["workflow", "version"]
            isOneToOne: false
            referencedRelation: "workflow_definitions"
            referencedColumns: ["workflow", "version"]
          },
        ]
      }
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      accept_invitation: { Args: { p_invitation_id: number }; Returns: number }
      add_signer: {
        Args: { p_comment: string; p_instance_id: number; p_to: string }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      apply_rectification_deadlines: {
        Args: { p_street_id: number }
        Returns: number
      }
      copy_standard: {
        Args: { p_version_id: number; p_year: number }
        Returns: {
          campaign_id: number
          created_at: string
          id: number
          published_at: string | null
          status: Database["public"]["Enums"]["standard_status"]
          street_id: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "standard_versions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      decline_invitation: {
        Args: { p_invitation_id: number }
        Returns: undefined
      }
      delegate_workflow: {
        Args: { p_comment: string; p_instance_id: number; p_to: string }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      finish_delegation: {
        Args: { p_comment: string; p_instance_id: number }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      fire_event: {
        Args: {
          p_assignees?: string[]
          p_cc?: string[]
          p_event: string
          p_expected_revision: number
          p_instance_id: number
          p_payload?: Json
        }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      fire_event_batch: {
        Args: { p_event: string; p_items: Json; p_payload?: Json }
        Returns: {
          code: string
          details: string
          instance_id: number
          message: string
          ok: boolean
        }[]
      }
      grid_assessment: {
        Args: { p_month: string; p_street_id: number }
        Returns: {
          avg_days: number | null
          basically: number
          community_id: number | null
          found: number
          handled: number
          id: number
          month: string
          on_time: number
          parent_name: string
          published_at: string
          published_by: string | null
          rank: number | null
          satisfied: number
          score: number | null
          street_id: number
          subject_id: string
          subject_kind: string
          subject_name: string
          unit_id: number
          unsatisfied: number
          weights: Json
        }[]
        SetofOptions: {
          from: "*"
          to: "grid_assessment_results"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      grid_assessment_published: {
        Args: { p_street_id: number }
        Returns: {
          month: string
          published_at: string
        }[]
      }
      grid_assessment_trend: {
        Args: { p_months?: number; p_street_id: number }
        Returns: {
          found: number
          handled: number
          month: string
          on_time_rate: number
          satisfaction_rate: number
        }[]
      }
      grid_dashboard: {
        Args: {
          p_community_id?: number
          p_street_id: number
          p_unit_id?: number
        }
        Returns: Json
      }
      grid_events: {
        Args: {
          p_category?: string
          p_community_id?: number
          p_from?: string
          p_limit?: number
          p_offset?: number
          p_open?: boolean
          p_overdue?: boolean
          p_state?: string
          p_street_id: number
          p_to?: string
          p_unit_id?: number
          p_urgency?: string
        }
        Returns: {
          category: string
          community_name: string
          created_at: string
          deadline_at: string
          description: string
          done: boolean
          entered_at: string
          id: number
          location: string
          overdue: boolean
          state: string
          subject_name: string
          subject_unit_id: number
          total: number
          urgency: string
          version: number
        }[]
      }
      grid_household_contacts: {
        Args: { p_ids: number[] }
        Returns: {
          contact_phone: string
          id: number
        }[]
      }
      grid_import_grids: {
        Args: { p_rows: Json; p_street_id: number }
        Returns: Json
      }
      grid_import_households: {
        Args: { p_rows: Json; p_street_id: number }
        Returns: Json
      }
      grid_import_staff: {
        Args: { p_password: string; p_rows: Json; p_street_id: number }
        Returns: Json
      }
      grid_overview: {
        Args: { p_street_id: number }
        Returns: {
          community_id: number
          direct_households: number
          households: number
          kind: string
          name: string
          open_events: number
          parent_id: number
          people: number
          staff: number
          unit_id: number
        }[]
      }
      invite_member: {
        Args: {
          p_email: string
          p_full_name: string
          p_password: string
          p_role: Database["public"]["Enums"]["member_role"]
          p_unit_id: number
        }
        Returns: number
      }
      migrate_workflow_instances: {
        Args: {
          p_dry_run?: boolean
          p_from_version: number
          p_instance_ids?: number[]
          p_states?: Json
          p_to_version: number
          p_workflow: string
        }
        Returns: {
          from_state: string
          instance_id: number
          migrated: boolean
          problems: Json
          subject: string
          to_state: string
        }[]
      }
      my_invitations: {
        Args: never
        Returns: {
          created_at: string
          id: number
          invited_by_name: string
          role: Database["public"]["Enums"]["member_role"]
          street_name: string
          unit_id: number
          unit_name: string
        }[]
      }
      publish_grid_assessment: {
        Args: { p_month: string; p_street_id: number }
        Returns: number
      }
      publish_round: {
        Args: { p_rectify_days?: number; p_round_id: number }
        Returns: {
          campaign_id: number
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["round_kind"]
          published_at: string | null
          street_id: number
          version_id: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "score_rounds"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      publish_standard: {
        Args: { p_version_id: number }
        Returns: {
          campaign_id: number
          created_at: string
          id: number
          published_at: string | null
          status: Database["public"]["Enums"]["standard_status"]
          street_id: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "standard_versions"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      recompute_grades: { Args: { p_round_id: number }; Returns: number }
      reset_member_password: {
        Args: { p_password: string; p_user_id: string }
        Returns: undefined
      }
      resume_workflow: {
        Args: {
          p_comment?: string
          p_expected_revision: number
          p_instance_id: number
        }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      return_workflow: {
        Args: {
          p_comment: string
          p_expected_revision: number
          p_instance_id: number
          p_to_state: string
        }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      revoke_invitation: {
        Args: { p_invitation_id: number }
        Returns: undefined
      }
      save_workflow_form: {
        Args: {
          p_expected_form_revision?: number
          p_form: Json
          p_instance_id: number
        }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_user_disabled: {
        Args: { p_disabled: boolean; p_user_id: string }
        Returns: undefined
      }
      start_workflow: {
        Args: { p_form?: Json; p_subject_unit_id: number; p_workflow: string }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      target_progress: {
        Args: { p_campaign_id: number }
        Returns: {
          campaign_id: number
          count: number
          due_on: string
          grade: string
          id: number
          measured: number
          met: boolean
          note: string
          required: number
          share: number
          street_id: number
          total: number
          unit_kind: Database["public"]["Enums"]["unit_kind"]
        }[]
      }
      target_units: {
        Args: { p_target_id: number }
        Returns: {
          community_id: number
          community_name: string
          counted: boolean
          demonstration: boolean
          name: string
          reasons: string[]
          round_id: number
          round_kind: Database["public"]["Enums"]["round_kind"]
          round_year: number
          standard: boolean
          total: number
          unit_id: number
        }[]
      }
      transfer_workflow: {
        Args: { p_comment: string; p_instance_id: number; p_to: string }
        Returns: {
          community_id: number | null
          created_at: string
          created_by: string | null
          done: boolean
          entered_at: string
          form: Json
          form_revision: number
          form_saved_at: string | null
          id: number
          revision: number
          state: string
          street_id: number
          subject_unit_id: number
          unit_path: number[]
          updated_at: string
          version: number
          workflow: string
        }
        SetofOptions: {
          from: "*"
          to: "workflow_instances"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      urge_workflow: {
        Args: { p_comment?: string; p_instance_id: number }
        Returns: number
      }
      workflow_countersign: { Args: { p_instance_id: number }; Returns: Json }
      workflow_facts: { Args: { p_instance_id: number }; Returns: Json }
      workflow_facts_of: {
        Args: { p_instance_ids: number[] }
        Returns: {
          facts: Json
          instance_id: number
        }[]
      }
      workflow_members: {
        Args: { p_instance_id: number }
        Returns: {
          full_name: string
          roles: string[]
          user_id: string
        }[]
      }
      workflow_message_instances: {
        Args: { p_limit?: number; p_message_id: number; p_offset?: number }
        Returns: {
          done: boolean
          id: number
          state: string
          subject_name: string
          total: number
          workflow: string
        }[]
      }
      workflow_return_targets: {
        Args: { p_instance_id: number }
        Returns: string[]
      }
      workflow_start_refusals: {
        Args: { p_workflow: string }
        Returns: {
          refusal: string
          subject_unit_id: number
        }[]
      }
      workflow_todo: {
        Args: {
          p_limit?: number
          p_offset?: number
          p_order?: string
          p_workflows: string[]
        }
        Returns: {
          community_id: number
          deadline_at: string
          entered_at: string
          form: Json
          id: number
          mine: string
          revision: number
          state: string
          street_id: number
          subject: string
          total: number
          unit_path: number[]
          version: number
          workflow: string
        }[]
      }
    }
    Enums: {
      campaign_phase: "plan" | "pilot" | "rollout" | "acceptance" | "longterm"
      key_task_action:
        | "brand"
        | "two_new_orgs"
        | "red_property"
        | "red_magnet"
        | "social_orgs"
      key_task_cadence: "monthly" | "bimonthly" | "quarterly"
      key_task_status: "not_started" | "in_progress" | "done" | "blocked"
      leader_position:
        | "leader"
        | "deputy"
        | "member"
        | "office_director"
        | "office_deputy"
      member_role:
        | "street_office"
        | "reviewer"
        | "community_filer"
        | "viewer"
        | "district_office"
        | "grid_leader"
        | "grid_worker"
        | "micro_grid_worker"
        | "community_worker"
        | "office_handler"
      round_kind:
        | "self_check"
        | "pre_acceptance"
        | "yearly_acceptance"
        | "full_acceptance"
        | "re_evaluation"
      standard_status: "draft" | "published"
      unit_kind:
        | "district"
        | "street"
        | "community"
        | "compound"
        | "building"
        | "business_district"
        | "social_org"
        | "grid"
        | "micro_grid"
        | "street_department"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      campaign_phase: ["plan", "pilot", "rollout", "acceptance", "longterm"],
      key_task_action: [
        "brand",
        "two_new_orgs",
        "red_property",
        "red_magnet",
        "social_orgs",
      ],
      key_task_cadence: ["monthly", "bimonthly", "quarterly"],
      key_task_status: ["not_started", "in_progress", "done", "blocked"],
      leader_position: [
        "leader",
        "deputy",
        "member",
        "office_director",
        "office_deputy",
      ],
      member_role: [
        "street_office",
        "reviewer",
        "community_filer",
        "viewer",
        "district_office",
        "grid_leader",
        "grid_worker",
        "micro_grid_worker",
        "community_worker",
        "office_handler",
      ],
      round_kind: [
        "self_check",
        "pre_acceptance",
        "yearly_acceptance",
        "full_acceptance",
        "re_evaluation",
      ],
      standard_status: ["draft", "published"],
      unit_kind: [
        "district",
        "street",
        "community",
        "compound",
        "building",
        "business_district",
        "social_org",
        "grid",
        "micro_grid",
        "street_department",
      ],
    },
  },
} as const
