import "server-only";
import { stripCitationMarkers } from "@/lib/validation/citation";
import type { ThesisExport } from "@/lib/interchange/export-schema";

/** The Argument Interchange Format's JSON as AIFdb serves it and OVA reads it. */
export interface AifDocument {
  nodes: { nodeID: string; text: string; type: "I" | "RA" | "CA"; timestamp: string }[];
  edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[];
  locutions: never[];
  participants: never[];
}

/**
 * The debate in AIF: the thesis and every argument's current text as I-nodes (information); a supporting reply
 * reaches what it supports through an RA-node (inference), an attack through a CA-node (conflict). IDs are
 * numbers in text, as AIFdb's are; the thesis is node 1.
 */
export function toAif(document: ThesisExport): AifDocument {
  const nodes: AifDocument["nodes"] = [];
  const edges: AifDocument["edges"] = [];
  const nodeIds = new Map<string | null, string>();
  const addNode = (text: string, type: "I" | "RA" | "CA", time: string) => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type, timestamp: aifTime(time) });
    return nodeID;
  };
  const addEdge = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });

  nodeIds.set(null, addNode(document.thesis.title, "I", document.thesis.createdAt));
  for (const argument of document.arguments) {
    const current = argument.revisions.find((r) => r.number === argument.currentRevision) ?? argument.revisions.at(-1)!;
    nodeIds.set(argument.id, addNode(stripCitationMarkers(current.body), "I", argument.createdAt));
  }
  for (const argument of document.arguments) {
    const target = nodeIds.get(argument.parentId);
    if (target === undefined) continue;
    const scheme = argument.stance === "PRO" ? addNode("Default Inference", "RA", argument.createdAt) : addNode("Default Conflict", "CA", argument.createdAt);
    addEdge(nodeIds.get(argument.id)!, scheme);
    addEdge(scheme, target);
  }
  return { nodes, edges, locutions: [], participants: [] };
}

/** AIFdb's timestamps: "YYYY-MM-DD HH:MM:SS", UTC. */
function aifTime(iso: string): string {
  return iso.slice(0, 19).replace("T", " ");
}
