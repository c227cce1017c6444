// Answers in the shape Disqus API 3.0 documents (forums/listPosts, posts/details, posts/approve,
// error answers), written for these tests: a small forum "harbour-gazette" with two threads.

export const FORUM = "harbour-gazette";

const flooding = {
  id: "7310001",
  forum: FORUM,
  title: "Flooding closes the harbour road",
  link: "https://gazette.example/news/harbour-road",
  identifiers: ["article-5521"],
  createdAt: "2026-11-30T06:00:00",
  posts: 3,
  isClosed: false,
  isDeleted: false,
};

const budget = {
  id: "7310002",
  forum: FORUM,
  title: "Council budget vote delayed",
  link: "https://gazette.example/news/budget",
  identifiers: [],
  createdAt: "2026-11-30T08:00:00",
};

function post(fields: Record<string, unknown>) {
  return {
    forum: FORUM,
    parent: null,
    isApproved: true,
    isDeleted: false,
    isSpam: false,
    isFlagged: false,
    isEdited: false,
    isHighlighted: false,
    numReports: 0,
    likes: 0,
    dislikes: 0,
    points: 0,
    media: [],
    ipAddress: "203.0.113.9",
    author: { id: "90001", name: "Mira Haddad", username: "mira_h", isAnonymous: false, email: "mira@example.org", profileUrl: "https://disqus.com/by/mira_h/" },
    ...fields,
  };
}

export const listPage1 = {
  code: 0,
  cursor: { prev: null, hasNext: true, next: "1764489600000000:0:1", hasPrev: false, total: null, id: "1764489600000000:0:0", more: true },
  response: [
    post({ id: "880001", thread: flooding, createdAt: "2026-11-30T07:12:05", message: "<p>The road was shut at dawn &amp; buses rerouted.</p>", raw_message: "The road was shut at dawn & buses rerouted." }),
    post({
      id: "880002",
      thread: flooding,
      parent: 880001,
      createdAt: "2026-11-30T07:20:41",
      message: "<p>Typical. They never fix the drains.</p>",
      isFlagged: true,
      numReports: 3,
      author: { id: null, name: "guest reader", username: null, isAnonymous: true, email: "guest@example.org" },
    }),
    post({ id: "880003", thread: budget, createdAt: "2026-11-30T08:30:00", message: "<p>Buy cheap watches at example.biz</p>", isSpam: true, isApproved: false }),
  ],
};

export const listPage2 = {
  code: 0,
  cursor: { prev: "1764489600000000:0:0", hasNext: false, next: "1764493800000000:0:0", hasPrev: true, total: null, id: "1764489600000000:0:1", more: false },
  response: [
    post({ id: "880004", thread: budget, createdAt: "2026-11-30T09:10:00", message: "<p>Waiting for approval here.</p>", isApproved: false }),
    post({ id: "880005", thread: budget, createdAt: "2026-11-30T09:15:00", message: "", isDeleted: true, isApproved: false }),
  ],
};

export const emptyPage = { code: 0, cursor: { prev: null, hasNext: false, next: null, hasPrev: false, total: null, id: null, more: false }, response: [] };

export const detailsApprovedFlagged = { code: 0, response: listPage1.response[1] };
export const detailsRemoved = { code: 0, response: { ...listPage1.response[1], isDeleted: true, isApproved: false } };

export const actionOk = (id: string) => ({ code: 0, response: [{ id }] });

export const errorAnswer = (code: number, message: string) => ({ code, response: message });
