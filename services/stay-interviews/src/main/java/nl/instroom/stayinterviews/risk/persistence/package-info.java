/** MongoDB storage of school risks: one document per school with its assessment history and outbox. */
package nl.instroom.stayinterviews.risk.persistence;
