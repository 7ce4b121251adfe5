// GENERATED FILE, DO NOT EDIT. Source: schemas/policy.schema.json.
// Regenerate with `npm run generate` (scripts/generate-validator.mjs); a test fails when stale.
// Standalone ajv validator (draft 2020-12): self-contained, it has no dependencies at run time.
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://iam-eval.dev/schemas/policy.schema.json","title":"AWS IAM policy document","description":"The grammar of an AWS IAM policy document (identity, resource, trust, boundary, session, SCP, RCP and endpoint policies share it). Element names are case-sensitive. Which kinds of policy need or forbid Principal and Resource, and which condition operator names exist, are checked by iam-eval itself, not by this schema.","type":"object","properties":{"Version":{"description":"Policy language version. Use \"2012-10-17\"; \"2008-10-17\" is the legacy version, under which policy variables such as ${aws:username} are literal text. When omitted, variables are literal text too.","enum":["2012-10-17","2008-10-17"]},"Id":{"description":"Optional free-form identifier of the policy. It has no effect on evaluation; AWS recommends it only for resource-based policies.","type":"string"},"Statement":{"description":"The statements of the policy: one statement object or an array of them. An empty array is allowed and grants nothing.","if":{"type":"array"},"then":{"type":"array","items":{"$ref":"#/$defs/Statement"}},"else":{"$ref":"#/$defs/Statement"}}},"required":["Statement"],"additionalProperties":false,"$defs":{"Statement":{"title":"Statement","description":"One permission statement. It needs Effect and exactly one of Action or NotAction; it may have at most one of Resource or NotResource and at most one of Principal or NotPrincipal.","type":"object","properties":{"Sid":{"description":"Optional statement label. It has no effect on evaluation; in IAM policies it may contain only ASCII letters and digits and must be unique within the policy.","type":"string"},"Effect":{"description":"Whether a matching statement allows or explicitly denies the request. Exactly \"Allow\" or \"Deny\" (case-sensitive).","enum":["Allow","Deny"]},"Action":{"description":"The actions the statement covers, written service:ActionName (compared case-insensitively). The wildcards * and ? are allowed; \"*\" alone covers every action. An empty array makes the statement inert.","$ref":"#/$defs/StringOrStringArray"},"NotAction":{"description":"The statement covers every action except the listed ones, including actions of other services. The wildcards * and ? are allowed.","$ref":"#/$defs/StringOrStringArray"},"Resource":{"description":"The resources the statement covers: ARNs (arn:partition:service:region:account:resource) with the wildcards * and ?, or \"*\" for every resource. An empty array makes the statement inert.","$ref":"#/$defs/StringOrStringArray"},"NotResource":{"description":"The statement covers every resource except the listed ones (ARN patterns with the wildcards * and ?).","$ref":"#/$defs/StringOrStringArray"},"Principal":{"description":"Who the statement applies to: \"*\" (everyone, including anonymous callers) or an object of principal types. Used in resource-based, trust and endpoint policies.","$ref":"#/$defs/Principal"},"NotPrincipal":{"description":"The statement applies to every principal except the listed ones. Supported only with Deny.","$ref":"#/$defs/Principal"},"Condition":{"description":"Conditions under which the statement applies: condition operator (e.g. StringEquals, ForAnyValue:StringLike, DateLessThanIfExists) -> condition key -> value or array of values. Operators are combined with AND, keys under one operator with AND, values of one key with OR.","$ref":"#/$defs/Condition"}},"required":["Effect"],"$comment":"Exactly one of Action/NotAction: if/else gives a single 'required' error when both are missing, dependentSchemas a single error per conflicting pair. The 'properties: {X: true}' next to 'required' change nothing; they satisfy strict validators that want required members declared.","if":{"properties":{"NotAction":true},"required":["NotAction"]},"else":{"properties":{"Action":true},"required":["Action"]},"dependentSchemas":{"NotAction":{"properties":{"Action":false}},"NotResource":{"properties":{"Resource":false}},"NotPrincipal":{"properties":{"Principal":false}}},"additionalProperties":false},"StringOrStringArray":{"description":"A single string or an array of strings.","if":{"type":"array"},"then":{"type":"array","items":{"type":"string"}},"else":{"type":"string"}},"Principal":{"description":"A principal: the string \"*\" or an object whose members are AWS, Service, Federated or CanonicalUser, each a string or an array of strings. An empty object or empty arrays are allowed and make the statement inert.","if":{"type":"string"},"then":{"const":"*"},"else":{"type":"object","properties":{"AWS":{"description":"AWS principals: \"*\", a 12-digit account id, or the ARN of an account root, IAM user, IAM role, assumed-role session or federated user.","$ref":"#/$defs/StringOrStringArray"},"Service":{"description":"Service principals, usually <service>.amazonaws.com.","$ref":"#/$defs/StringOrStringArray"},"Federated":{"description":"Identity providers: a web identity provider (e.g. cognito-identity.amazonaws.com, accounts.google.com) or the ARN of a SAML or OIDC provider.","$ref":"#/$defs/StringOrStringArray"},"CanonicalUser":{"description":"Amazon S3 canonical user ids.","$ref":"#/$defs/StringOrStringArray"}},"additionalProperties":false}},"Condition":{"description":"Condition block: condition operator name -> object of condition keys.","type":"object","additionalProperties":{"$ref":"#/$defs/ConditionOperatorBlock"}},"ConditionOperatorBlock":{"description":"The keys tested by one condition operator: condition key name (case-insensitive, e.g. aws:SourceIp) -> value or array of values.","type":"object","additionalProperties":{"$ref":"#/$defs/ConditionValue"}},"ConditionValue":{"description":"The policy value(s) of one condition key: a string, number or boolean, or an array of those. An array lists alternatives.","if":{"type":"array"},"then":{"type":"array","items":{"$ref":"#/$defs/ConditionScalar"}},"else":{"$ref":"#/$defs/ConditionScalar"}},"ConditionScalar":{"description":"One condition value: a string, a number or a boolean.","anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"}]}}};
const schema32 = {"title":"Statement","description":"One permission statement. It needs Effect and exactly one of Action or NotAction; it may have at most one of Resource or NotResource and at most one of Principal or NotPrincipal.","type":"object","properties":{"Sid":{"description":"Optional statement label. It has no effect on evaluation; in IAM policies it may contain only ASCII letters and digits and must be unique within the policy.","type":"string"},"Effect":{"description":"Whether a matching statement allows or explicitly denies the request. Exactly \"Allow\" or \"Deny\" (case-sensitive).","enum":["Allow","Deny"]},"Action":{"description":"The actions the statement covers, written service:ActionName (compared case-insensitively). The wildcards * and ? are allowed; \"*\" alone covers every action. An empty array makes the statement inert.","$ref":"#/$defs/StringOrStringArray"},"NotAction":{"description":"The statement covers every action except the listed ones, including actions of other services. The wildcards * and ? are allowed.","$ref":"#/$defs/StringOrStringArray"},"Resource":{"description":"The resources the statement covers: ARNs (arn:partition:service:region:account:resource) with the wildcards * and ?, or \"*\" for every resource. An empty array makes the statement inert.","$ref":"#/$defs/StringOrStringArray"},"NotResource":{"description":"The statement covers every resource except the listed ones (ARN patterns with the wildcards * and ?).","$ref":"#/$defs/StringOrStringArray"},"Principal":{"description":"Who the statement applies to: \"*\" (everyone, including anonymous callers) or an object of principal types. Used in resource-based, trust and endpoint policies.","$ref":"#/$defs/Principal"},"NotPrincipal":{"description":"The statement applies to every principal except the listed ones. Supported only with Deny.","$ref":"#/$defs/Principal"},"Condition":{"description":"Conditions under which the statement applies: condition operator (e.g. StringEquals, ForAnyValue:StringLike, DateLessThanIfExists) -> condition key -> value or array of values. Operators are combined with AND, keys under one operator with AND, values of one key with OR.","$ref":"#/$defs/Condition"}},"required":["Effect"],"$comment":"Exactly one of Action/NotAction: if/else gives a single 'required' error when both are missing, dependentSchemas a single error per conflicting pair. The 'properties: {X: true}' next to 'required' change nothing; they satisfy strict validators that want required members declared.","if":{"properties":{"NotAction":true},"required":["NotAction"]},"else":{"properties":{"Action":true},"required":["Action"]},"dependentSchemas":{"NotAction":{"properties":{"Action":false}},"NotResource":{"properties":{"Resource":false}},"NotPrincipal":{"properties":{"Principal":false}}},"additionalProperties":false};
const schema33 = {"description":"A single string or an array of strings.","if":{"type":"array"},"then":{"type":"array","items":{"type":"string"}},"else":{"type":"string"}};
const func1 = Object.prototype.hasOwnProperty;
const schema37 = {"description":"A principal: the string \"*\" or an object whose members are AWS, Service, Federated or CanonicalUser, each a string or an array of strings. An empty object or empty arrays are allowed and make the statement inert.","if":{"type":"string"},"then":{"const":"*"},"else":{"type":"object","properties":{"AWS":{"description":"AWS principals: \"*\", a 12-digit account id, or the ARN of an account root, IAM user, IAM role, assumed-role session or federated user.","$ref":"#/$defs/StringOrStringArray"},"Service":{"description":"Service principals, usually <service>.amazonaws.com.","$ref":"#/$defs/StringOrStringArray"},"Federated":{"description":"Identity providers: a web identity provider (e.g. cognito-identity.amazonaws.com, accounts.google.com) or the ARN of a SAML or OIDC provider.","$ref":"#/$defs/StringOrStringArray"},"CanonicalUser":{"description":"Amazon S3 canonical user ids.","$ref":"#/$defs/StringOrStringArray"}},"additionalProperties":false}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if("*" !== data){
const err1 = {instancePath,schemaPath:"#/then/const",keyword:"const",params:{allowedValue: "*"}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "AWS") || (key0 === "Service")) || (key0 === "Federated")) || (key0 === "CanonicalUser"))){
const err2 = {instancePath,schemaPath:"#/else/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.AWS !== undefined){
let data0 = data.AWS;
const _errs9 = errors;
let valid3 = true;
const _errs10 = errors;
if(!(Array.isArray(data0))){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs10 === errors;
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
let ifClause1;
if(_valid1){
const _errs12 = errors;
if(Array.isArray(data0)){
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
if(typeof data0[i0] !== "string"){
const err4 = {instancePath:instancePath+"/AWS/" + i0,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/AWS",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs12 === errors;
valid3 = _valid1;
ifClause1 = "then";
}
else {
const _errs16 = errors;
if(typeof data0 !== "string"){
const err6 = {instancePath:instancePath+"/AWS",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid1 = _errs16 === errors;
valid3 = _valid1;
ifClause1 = "else";
}
if(!valid3){
const err7 = {instancePath:instancePath+"/AWS",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause1}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.Service !== undefined){
let data2 = data.Service;
const _errs20 = errors;
let valid7 = true;
const _errs21 = errors;
if(!(Array.isArray(data2))){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid2 = _errs21 === errors;
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
let ifClause2;
if(_valid2){
const _errs23 = errors;
if(Array.isArray(data2)){
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
if(typeof data2[i1] !== "string"){
const err9 = {instancePath:instancePath+"/Service/" + i1,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/Service",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid2 = _errs23 === errors;
valid7 = _valid2;
ifClause2 = "then";
}
else {
const _errs27 = errors;
if(typeof data2 !== "string"){
const err11 = {instancePath:instancePath+"/Service",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid2 = _errs27 === errors;
valid7 = _valid2;
ifClause2 = "else";
}
if(!valid7){
const err12 = {instancePath:instancePath+"/Service",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause2}};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.Federated !== undefined){
let data4 = data.Federated;
const _errs31 = errors;
let valid11 = true;
const _errs32 = errors;
if(!(Array.isArray(data4))){
const err13 = {};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
var _valid3 = _errs32 === errors;
errors = _errs31;
if(vErrors !== null){
if(_errs31){
vErrors.length = _errs31;
}
else {
vErrors = null;
}
}
let ifClause3;
if(_valid3){
const _errs34 = errors;
if(Array.isArray(data4)){
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
if(typeof data4[i2] !== "string"){
const err14 = {instancePath:instancePath+"/Federated/" + i2,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/Federated",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid3 = _errs34 === errors;
valid11 = _valid3;
ifClause3 = "then";
}
else {
const _errs38 = errors;
if(typeof data4 !== "string"){
const err16 = {instancePath:instancePath+"/Federated",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
var _valid3 = _errs38 === errors;
valid11 = _valid3;
ifClause3 = "else";
}
if(!valid11){
const err17 = {instancePath:instancePath+"/Federated",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause3}};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.CanonicalUser !== undefined){
let data6 = data.CanonicalUser;
const _errs42 = errors;
let valid15 = true;
const _errs43 = errors;
if(!(Array.isArray(data6))){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
var _valid4 = _errs43 === errors;
errors = _errs42;
if(vErrors !== null){
if(_errs42){
vErrors.length = _errs42;
}
else {
vErrors = null;
}
}
let ifClause4;
if(_valid4){
const _errs45 = errors;
if(Array.isArray(data6)){
const len3 = data6.length;
for(let i3=0; i3<len3; i3++){
if(typeof data6[i3] !== "string"){
const err19 = {instancePath:instancePath+"/CanonicalUser/" + i3,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/CanonicalUser",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid4 = _errs45 === errors;
valid15 = _valid4;
ifClause4 = "then";
}
else {
const _errs49 = errors;
if(typeof data6 !== "string"){
const err21 = {instancePath:instancePath+"/CanonicalUser",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid4 = _errs49 === errors;
valid15 = _valid4;
ifClause4 = "else";
}
if(!valid15){
const err22 = {instancePath:instancePath+"/CanonicalUser",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause4}};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath,schemaPath:"#/else/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = true;
}
ifClause0 = "else";
}
if(!valid0){
const err24 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0}};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate22.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate22.evaluated = {"dynamicProps":true,"dynamicItems":false};

const schema42 = {"description":"Condition block: condition operator name -> object of condition keys.","type":"object","additionalProperties":{"$ref":"#/$defs/ConditionOperatorBlock"}};
const schema43 = {"description":"The keys tested by one condition operator: condition key name (case-insensitive, e.g. aws:SourceIp) -> value or array of values.","type":"object","additionalProperties":{"$ref":"#/$defs/ConditionValue"}};
const schema44 = {"description":"The policy value(s) of one condition key: a string, number or boolean, or an array of those. An array lists alternatives.","if":{"type":"array"},"then":{"type":"array","items":{"$ref":"#/$defs/ConditionScalar"}},"else":{"$ref":"#/$defs/ConditionScalar"}};
const schema45 = {"description":"One condition value: a string, a number or a boolean.","anyOf":[{"type":"string"},{"type":"number"},{"type":"boolean"}]};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = true;
const _errs1 = errors;
if(!(Array.isArray(data))){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs3 = errors;
if(Array.isArray(data)){
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
const _errs7 = errors;
let valid4 = false;
const _errs8 = errors;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/ConditionScalar/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid1 = _errs8 === errors;
valid4 = valid4 || _valid1;
const _errs10 = errors;
if(!((typeof data0 == "number") && (isFinite(data0)))){
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/ConditionScalar/anyOf/1/type",keyword:"type",params:{type: "number"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid1 = _errs10 === errors;
valid4 = valid4 || _valid1;
const _errs12 = errors;
if(typeof data0 !== "boolean"){
const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/ConditionScalar/anyOf/2/type",keyword:"type",params:{type: "boolean"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs12 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err4 = {instancePath:instancePath+"/" + i0,schemaPath:"#/$defs/ConditionScalar/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs3 === errors;
valid0 = _valid0;
if(valid0){
var items0 = true;
}
ifClause0 = "then";
}
else {
const _errs14 = errors;
const _errs16 = errors;
let valid6 = false;
const _errs17 = errors;
if(typeof data !== "string"){
const err6 = {instancePath,schemaPath:"#/$defs/ConditionScalar/anyOf/0/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid2 = _errs17 === errors;
valid6 = valid6 || _valid2;
const _errs19 = errors;
if(!((typeof data == "number") && (isFinite(data)))){
const err7 = {instancePath,schemaPath:"#/$defs/ConditionScalar/anyOf/1/type",keyword:"type",params:{type: "number"}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid2 = _errs19 === errors;
valid6 = valid6 || _valid2;
const _errs21 = errors;
if(typeof data !== "boolean"){
const err8 = {instancePath,schemaPath:"#/$defs/ConditionScalar/anyOf/2/type",keyword:"type",params:{type: "boolean"}};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid2 = _errs21 === errors;
valid6 = valid6 || _valid2;
if(!valid6){
const err9 = {instancePath,schemaPath:"#/$defs/ConditionScalar/anyOf",keyword:"anyOf",params:{}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs16;
if(vErrors !== null){
if(_errs16){
vErrors.length = _errs16;
}
else {
vErrors = null;
}
}
}
var _valid0 = _errs14 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err10 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
validate27.errors = vErrors;
evaluated0.items = items0;
return errors === 0;
}
validate27.evaluated = {"dynamicProps":false,"dynamicItems":true};


function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(validate27(data[key0], {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key0,rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate27.errors;}else{for(const __error of validate27.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(validate26(data[key0], {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key0,rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate26.errors;}else{for(const __error of validate26.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
}
else {
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs2 = errors;
let valid0 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.NotAction === undefined) && (missing0 = "NotAction")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(!_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Action === undefined){
const err1 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "Action"}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
if(valid0){
var props0 = {};
props0.Action = true;
props0.NotAction = true;
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: "else"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Effect === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Effect"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema32.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.Sid !== undefined){
if(typeof data.Sid !== "string"){
const err5 = {instancePath:instancePath+"/Sid",schemaPath:"#/properties/Sid/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.Effect !== undefined){
let data1 = data.Effect;
if(!((data1 === "Allow") || (data1 === "Deny"))){
const err6 = {instancePath:instancePath+"/Effect",schemaPath:"#/properties/Effect/enum",keyword:"enum",params:{allowedValues: schema32.properties.Effect.enum}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.Action !== undefined){
let data2 = data.Action;
const _errs11 = errors;
let valid3 = true;
const _errs12 = errors;
if(!(Array.isArray(data2))){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid1 = _errs12 === errors;
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid1){
const _errs14 = errors;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(typeof data2[i0] !== "string"){
const err8 = {instancePath:instancePath+"/Action/" + i0,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/Action",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid3 = _valid1;
ifClause0 = "then";
}
else {
const _errs18 = errors;
if(typeof data2 !== "string"){
const err10 = {instancePath:instancePath+"/Action",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid1 = _errs18 === errors;
valid3 = _valid1;
ifClause0 = "else";
}
if(!valid3){
const err11 = {instancePath:instancePath+"/Action",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause0}};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.NotAction !== undefined){
let data4 = data.NotAction;
const _errs22 = errors;
let valid7 = true;
const _errs23 = errors;
if(!(Array.isArray(data4))){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
var _valid2 = _errs23 === errors;
errors = _errs22;
if(vErrors !== null){
if(_errs22){
vErrors.length = _errs22;
}
else {
vErrors = null;
}
}
let ifClause1;
if(_valid2){
const _errs25 = errors;
if(Array.isArray(data4)){
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
if(typeof data4[i1] !== "string"){
const err13 = {instancePath:instancePath+"/NotAction/" + i1,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/NotAction",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
var _valid2 = _errs25 === errors;
valid7 = _valid2;
ifClause1 = "then";
}
else {
const _errs29 = errors;
if(typeof data4 !== "string"){
const err15 = {instancePath:instancePath+"/NotAction",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid2 = _errs29 === errors;
valid7 = _valid2;
ifClause1 = "else";
}
if(!valid7){
const err16 = {instancePath:instancePath+"/NotAction",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause1}};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.Resource !== undefined){
let data6 = data.Resource;
const _errs33 = errors;
let valid11 = true;
const _errs34 = errors;
if(!(Array.isArray(data6))){
const err17 = {};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
var _valid3 = _errs34 === errors;
errors = _errs33;
if(vErrors !== null){
if(_errs33){
vErrors.length = _errs33;
}
else {
vErrors = null;
}
}
let ifClause2;
if(_valid3){
const _errs36 = errors;
if(Array.isArray(data6)){
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
if(typeof data6[i2] !== "string"){
const err18 = {instancePath:instancePath+"/Resource/" + i2,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/Resource",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
var _valid3 = _errs36 === errors;
valid11 = _valid3;
ifClause2 = "then";
}
else {
const _errs40 = errors;
if(typeof data6 !== "string"){
const err20 = {instancePath:instancePath+"/Resource",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid3 = _errs40 === errors;
valid11 = _valid3;
ifClause2 = "else";
}
if(!valid11){
const err21 = {instancePath:instancePath+"/Resource",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause2}};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.NotResource !== undefined){
let data8 = data.NotResource;
const _errs44 = errors;
let valid15 = true;
const _errs45 = errors;
if(!(Array.isArray(data8))){
const err22 = {};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
var _valid4 = _errs45 === errors;
errors = _errs44;
if(vErrors !== null){
if(_errs44){
vErrors.length = _errs44;
}
else {
vErrors = null;
}
}
let ifClause3;
if(_valid4){
const _errs47 = errors;
if(Array.isArray(data8)){
const len3 = data8.length;
for(let i3=0; i3<len3; i3++){
if(typeof data8[i3] !== "string"){
const err23 = {instancePath:instancePath+"/NotResource/" + i3,schemaPath:"#/$defs/StringOrStringArray/then/items/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/NotResource",schemaPath:"#/$defs/StringOrStringArray/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
var _valid4 = _errs47 === errors;
valid15 = _valid4;
ifClause3 = "then";
}
else {
const _errs51 = errors;
if(typeof data8 !== "string"){
const err25 = {instancePath:instancePath+"/NotResource",schemaPath:"#/$defs/StringOrStringArray/else/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
var _valid4 = _errs51 === errors;
valid15 = _valid4;
ifClause3 = "else";
}
if(!valid15){
const err26 = {instancePath:instancePath+"/NotResource",schemaPath:"#/$defs/StringOrStringArray/if",keyword:"if",params:{failingKeyword: ifClause3}};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.Principal !== undefined){
if(!(validate22(data.Principal, {instancePath:instancePath+"/Principal",parentData:data,parentDataProperty:"Principal",rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate22.errors;}else{for(const __error of validate22.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
if(data.NotPrincipal !== undefined){
if(!(validate22(data.NotPrincipal, {instancePath:instancePath+"/NotPrincipal",parentData:data,parentDataProperty:"NotPrincipal",rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate22.errors;}else{for(const __error of validate22.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
if(data.Condition !== undefined){
if(!(validate25(data.Condition, {instancePath:instancePath+"/Condition",parentData:data,parentDataProperty:"Condition",rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate25.errors;}else{for(const __error of validate25.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
if(data.NotAction !== undefined){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Action !== undefined){
const err27 = {instancePath:instancePath+"/Action",schemaPath:"#/dependentSchemas/NotAction/properties/Action/false schema",keyword:"false schema",params:{}};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data.NotResource !== undefined){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Resource !== undefined){
const err28 = {instancePath:instancePath+"/Resource",schemaPath:"#/dependentSchemas/NotResource/properties/Resource/false schema",keyword:"false schema",params:{}};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data.NotPrincipal !== undefined){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Principal !== undefined){
const err29 = {instancePath:instancePath+"/Principal",schemaPath:"#/dependentSchemas/NotPrincipal/properties/Principal/false schema",keyword:"false schema",params:{}};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://iam-eval.dev/schemas/policy.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Statement === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "Statement"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "Version") || (key0 === "Id")) || (key0 === "Statement"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.Version !== undefined){
let data0 = data.Version;
if(!((data0 === "2012-10-17") || (data0 === "2008-10-17"))){
const err2 = {instancePath:instancePath+"/Version",schemaPath:"#/properties/Version/enum",keyword:"enum",params:{allowedValues: schema31.properties.Version.enum}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.Id !== undefined){
if(typeof data.Id !== "string"){
const err3 = {instancePath:instancePath+"/Id",schemaPath:"#/properties/Id/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.Statement !== undefined){
let data2 = data.Statement;
const _errs6 = errors;
let valid1 = true;
const _errs7 = errors;
if(!(Array.isArray(data2))){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs7 === errors;
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs9 = errors;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(!(validate21(data2[i0], {instancePath:instancePath+"/Statement/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate21.errors;}else{for(const __error of validate21.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/Statement",schemaPath:"#/properties/Statement/then/type",keyword:"type",params:{type: "array"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs9 === errors;
valid1 = _valid0;
ifClause0 = "then";
}
else {
const _errs12 = errors;
if(!(validate21(data2, {instancePath:instancePath+"/Statement",parentData:data,parentDataProperty:"Statement",rootData,dynamicAnchors}))){
if(vErrors === null){vErrors = validate21.errors;}else{for(const __error of validate21.errors){vErrors.push(__error);}}
errors = vErrors.length;
}
var _valid0 = _errs12 === errors;
valid1 = _valid0;
ifClause0 = "else";
}
if(!valid1){
const err6 = {instancePath:instancePath+"/Statement",schemaPath:"#/properties/Statement/if",keyword:"if",params:{failingKeyword: ifClause0}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
