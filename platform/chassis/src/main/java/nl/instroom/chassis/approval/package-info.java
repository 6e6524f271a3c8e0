/** The four-eyes rule for irreversible acts, shared by the services that have such acts (one rule, one place). */
package nl.instroom.chassis.approval;
